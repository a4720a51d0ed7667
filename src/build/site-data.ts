/**
 * Everything a site's pages show, prepared once per build from the loaded project: the cards the
 * site may contain (decided by `selectCardsForSite`, before any page exists), their HTML, the
 * collection and tag navigation, related cards, verification and history. Pages only read this.
 */
import { cardAudience, changeShownOn, isOnSite, publicTreatment, selectCardsForSite, siteSelectionOf, type SiteName } from "../core/site/audience.ts";
import { joinBase } from "../core/site/links.ts";
import { CheckFailed } from "../core/errors.ts";
import type { Card } from "../core/cards/load.ts";
import { siteDescription, siteTitle } from "../core/cards/collections.ts";
import type { Project } from "../core/project/project.ts";
import { getCardVerification, isCountedForTrust, type VerificationStatus } from "../core/verification/verification.ts";
import { getSiteUsage, type SiteUsage } from "../core/usage/sites.ts";
import { computeKnowledgeHealth, type KnowledgeHealth } from "../core/verification/health.ts";
import { companionOf } from "../core/verification/companion.ts";
import { createFileAudience, hiddenPageAbove, hiddenPagesOf, type FileAudience, type HiddenPages } from "../core/site/file-audience.ts";
import { siteRedirects, type Redirect, type RefusedAlias } from "../core/site/redirects.ts";
import { withFormerCards } from "../core/git/former-cards.ts";
import { isReservedName, reservedCollectionProblem } from "../core/site/reserved-paths.ts";
import type { CardHistory } from "./card-history.ts";
import { createSnapshotter, type SiteAsset, type Snapshotter } from "./attachment-snapshot.ts";
import type { EmbedPolicy } from "../core/site/embed-policy.ts";
import { shownSnippets } from "../core/cards/snippets.ts";
import { markdownCopy } from "../core/site/markdown-copy.ts";
import { faqEntries, type FaqEntry } from "./structured-data.ts";
import { getTranslations } from "../core/site/translations.ts";
import { collectTags, computeRelated, localizer, popularCards } from "./card-lists.ts";
import { cjkPunctuation } from "../core/site/cjk-punctuation.ts";
import { openContentHistory, type ContentHistory } from "../core/git/content-changes.ts";
import { describeDrift, findOutdatedTranslations, type OutdatedTranslation } from "../core/verification/translation-drift.ts";
import { loadLocales, type Messages } from "./locales.ts";
import { droppedLinkTexts, shownAnchor } from "../core/site/link-text.ts";
import { COMPANION_ID_PREFIX } from "../core/site/anchors.ts";
import { needsOwnPublicRendering, renderCard, type RenderedCard, type RenderedHeading } from "./render-card.ts";
import { buildSearchData, cardSearchOf, type CardSearch, type CardSearchTerms, type CardWords, type SearchData } from "./search-terms.ts";

/**
 * What Astro's configuration needs of a site (its address, base path and what its CSP allows),
 * known from the project configuration alone: a build hands it to Astro before the cards are
 * rendered, so Astro starts while they are.
 */
export interface SiteSettings {
  site: SiteName;
  /** Absolute URL of the site, without the base path. */
  url: string;
  base: string;
  feedbackEndpoint: string | undefined;
  /** Hosts the site may load images, media and frames from (`sites.<site>.embeds`), for its CSP. */
  embeds: string[];
  /** Usage measurement of this site; `usage.origin` belongs in the pages' CSP `connect-src`. */
  usage: SiteUsage | undefined;
}

export function siteSettings(config: Project["config"], site: SiteName): SiteSettings {
  const siteConfig = config.sites[site];
  return {
    site,
    url: siteConfig.url.replace(/\/$/, ""),
    base: siteConfig.base,
    feedbackEndpoint: site === "public" ? config.feedback?.endpoint : undefined,
    embeds: [...siteConfig.embeds],
    usage: getSiteUsage(config, site),
  };
}

export interface SiteData extends SiteSettings {
  title: string;
  /** Default language of pages that are not cards. */
  lang: string;
  today: string;
  /** IANA time zone of "today": the wiki's client recomputes statuses on the reader's day in it. */
  timeZone: string;
  warnDays: number;
  support: { url: string; label: string } | undefined;
  collections: CollectionView[];
  cards: CardView[];
  tags: TagView[];
  redirects: RedirectView[];
  /** Files the site may publish that its cards refer to, with the bytes approved; copied into the site after the build. */
  assets: SiteAsset[];
  /** Internal site only. */
  health: KnowledgeHealth | undefined;
  /** Internal site only: `verify_by` of every card the trust score counts, by collection (the health page recomputes it when read). */
  trustCards: Record<string, string[]> | undefined;
  /** Lists of the home page, as card ids. */
  home: HomeLists;
  /** Search vocabulary and Chinese folding table, written next to the Pagefind index. */
  search: SearchData;
  /** Interface text by locale (src/locales), for `t()` in i18n.ts. */
  messages: Record<string, Messages>;
  /** Languages of the site's cards, the site language first. */
  languages: string[];
  /** Home page of each language: `/` for the site language, `/<lang>/` for the others. */
  languageHomes: Record<string, string>;
  /** The home pages as `hreflang` alternates (one per distinct page, the site language first). */
  homeAlternates: { lang: string; path: string }[];
  /** Show the "may be out of date" note on outdated translations (config translations.outdatedNote; the wiki always shows its badge). */
  outdatedNote: boolean;
}

export interface HomeLists {
  /** The configured `featured` cards the site has, in the configured order. */
  featured: string[];
  /** Cards by last change in git, newest first. */
  recent: string[];
  /** Expired and expiring cards, most urgent first (internal site only). */
  needsReview: string[];
  /**
   * What the search page offers when nothing is found: the featured cards, else the first card of
   * each collection in the site's language.
   */
  popular: string[];
}

/** How many cards each home-page list shows. */
const HOME_LIST_LENGTH = 6;

export interface CollectionView {
  name: string;
  title: string;
  description: string | undefined;
  url: string;
  cardIds: string[];
  /**
   * The list as a reader of each site language sees it: per translation group one card, in that
   * language when the site has it, else the source; the reader's language first.
   */
  localized: Record<string, string[]>;
}

export interface TagView {
  name: string;
  url: string;
  cardIds: string[];
}

/** A redirect page: `from` is the site path of the old URL (core/site/redirects.ts decides which). */
export type RedirectView = Redirect;

export interface CardView {
  id: string;
  url: string;
  collection: string;
  collectionTitle: string;
  title: string;
  description: string | undefined;
  tags: { name: string; url: string }[];
  /** Frontmatter `keywords`, tags and synonyms, indexed as hidden weighted text. */
  searchTerms: CardSearchTerms;
  lang: string;
  owner: string;
  audience: "internal" | "external";
  verifyBy: string;
  verifiedOn: string | undefined;
  verification: { status: VerificationStatus; daysLeft: number };
  html: string;
  /** The card as Markdown for this site (its `.md` URL and llms.txt): see `markdownCopy`. */
  markdown: string;
  headings: RenderedHeading[];
  /** Ids of cards sharing tags, most shared first. */
  related: string[];
  prev: string | undefined;
  next: string | undefined;
  /** The day of the last commit, and on the wiki its author (core/site/audience.ts `changeShownOn`). */
  lastChange: { date: string; author?: string } | undefined;
  /** Why there is no last change, e.g. "history unavailable (shallow clone)". */
  historyNote: string | undefined;
  /** "Edit this card" link (internal site, when `repository.url` is set). */
  editUrl: string | undefined;
  /** Public URL of an external card, shown on the internal site. */
  publicUrl: string | undefined;
  /** Path of the card file relative to the project root (internal site only). */
  file: string | undefined;
  /** Questions and answers of an FAQ-template card (public site: for structured data). */
  faq: FaqEntry[] | undefined;
  /** Frontmatter `template`, else that of the translation source on this site: a search filter (client/search-intent.ts). */
  template: string | undefined;
  /** Public site: the card expired and `expiredPublicCards: notice` says to show "This article is being reviewed". */
  reviewNotice: boolean;
  /**
   * Internal site only: the card's companion (see core/companion.ts). On an external card it
   * carries the internal notes' HTML ("For agents"); on an internal card, the public answer's
   * wiki URL and public URL. Always undefined on the public site.
   */
  companion: CompanionView | undefined;
  /** Id of the translation group's source (own id for a source); undefined for a card without translations. */
  group: string | undefined;
  /** The group's cards on this site by language, this card included (source first). */
  translations: { lang: string; id: string }[];
  /** Id of the source when this card is a translation and the source is on this site. */
  sourceId: string | undefined;
  /** Set when the source's content changed after this translation was checked (see translation-drift.ts). */
  outdated: { summary: string; sourceUrl: string | undefined } | undefined;
}

export interface CompanionView {
  id: string;
  title: string;
  url: string;
  audience: "internal" | "external";
  /** The internal notes' HTML, when the companion is the internal card. */
  html: string | undefined;
  /** The public answer's URL on the help center, when the companion is the external card and is on it. */
  publicUrl: string | undefined;
}

export interface PrepareOptions {
  history: CardHistory;
  /** Test builds only: render card HTML without the sanitizer (proves the CSP alone holds). */
  unsafeSkipSanitizer?: boolean;
  /** Git history for translation drift; default: the project's repository (none outside git). */
  contentHistory?: ContentHistory | undefined;
  /** Receives each site's data as soon as it is ready (a build hands it to a waiting Astro). */
  onSite?: (site: SiteName, data: SiteData) => void;
  /**
   * Site paths of cards gone from the content folder that were not public when last committed (with
   * their old file; core/git/former-cards.ts): pages the help center never had, which no public
   * redirect or file path may name.
   */
  formerlyHidden?: ReadonlyMap<string, string>;
  /** Told of each alias a site builds no redirect for (its address names a page only the wiki has). */
  onRefusedAlias?: (refused: RefusedAlias) => void;
  /** Where each attachment is copied when approved (attachment-snapshot.ts); without it assets cannot be published. */
  snapshotDir?: string;
}

/** Prepares the data of each requested site; every card is rendered once and shared where possible. */
export function prepareSites(project: Project, sites: readonly SiteName[], options: PrepareOptions): Map<SiteName, SiteData> {
  for (const collection of project.collections) {
    const clash = reservedCollectionProblem(project.config.contentDir, collection.name);
    if (clash) throw new CheckFailed(clash.message, clash.fix);
  }
  const selection = siteSelectionOf(project);
  const isPublic = (card: Card) => isOnSite(card, "public", selection);
  const hidden = withFormerCards(hiddenPagesOf(project.index, selection), options.formerlyHidden, project.index);
  const files = createFileAudience(project.contentDir, hidden);
  const snapshot = options.snapshotDir === undefined ? undefined : createSnapshotter(options.snapshotDir, project.contentDir);
  const widest: SiteName = sites.includes("internal") ? "internal" : "public";
  const policy = (site: SiteName): EmbedPolicy => ({ embeds: project.config.sites[site].embeds, siteUrl: project.config.sites[site].url });
  const isPublicFile = (file: string) => files.verdict(file, "public").ok;
  const common = { index: project.index, isPublic, isPublicFile, contentDir: project.contentDir, unsafeSkipSanitizer: options.unsafeSkipSanitizer };
  const rendered = new Map<Card, RenderedCard>();
  for (const card of selectCardsForSite(project.cards, widest, selection)) {
    rendered.set(card, renderCard(card, { ...common, site: widest, isLinkable: (c) => isOnSite(c, widest, selection), embeds: policy(widest) }));
  }
  const search = cardSearchOf(project.root);
  const outdated = findOutdatedTranslations(project.cards, "contentHistory" in options ? options.contentHistory : openContentHistory(project.root));
  const result = new Map<SiteName, SiteData>();
  for (const site of sites) {
    const renderFor = (card: Card, shownOn?: Card): RenderedCard => {
      if (shownOn) return renderCard(card, { ...common, site, isLinkable: (c) => isOnSite(c, site, selection), embeds: policy(site), shownOn: { url: shownOn.url, idPrefix: COMPANION_ID_PREFIX } });
      const first = rendered.get(card)!;
      if (site === "internal" || widest === "public" || !needsOwnPublicRendering(first, policy("public"))) return first;
      return renderCard(card, { ...common, site: "public", isLinkable: isPublic, embeds: policy("public") });
    };
    const data = buildSiteData(project, site, renderFor, options.history, { files, hidden, snapshot, onRefusedAlias: options.onRefusedAlias }, outdated, search);
    options.onSite?.(site, data);
    result.set(site, data);
  }
  return result;
}

function buildSiteData(
  project: Project,
  site: SiteName,
  /** A card's rendering for its own page, or for the page of `shownOn` (a companion's body). */
  renderFor: (card: Card, shownOn?: Card) => RenderedCard,
  history: CardHistory,
  { files, hidden, snapshot, onRefusedAlias }: { files: FileAudience; hidden: HiddenPages; snapshot: Snapshotter | undefined; onRefusedAlias: PrepareOptions["onRefusedAlias"] },
  outdated: ReadonlyMap<Card, OutdatedTranslation>,
  search: CardSearch,
): SiteData {
  const { config } = project;
  const siteConfig = config.sites[site];
  const selection = siteSelectionOf(project);
  const cards = selectCardsForSite(project.cards, site, selection).sort(compareCards);
  const collectionTitles = new Map(project.collections.map((c) => [c.name, c]));
  const translations = getTranslations(project.cards);
  const onThisSite = new Set(cards);
  const languages = [...new Set([config.lang, ...cards.map((card) => card.lang).sort()])];
  const localize = localizer((card) => translations.groupOf(card));
  const collections: CollectionView[] = [];
  for (const collection of project.collections) {
    const members = cards.filter((card) => card.collection === collection.name);
    if (members.length === 0) continue;
    collections.push({
      name: collection.name,
      title: siteTitle(collection, site),
      description: siteDescription(collection, site),
      url: `/${collection.name}/`,
      cardIds: members.map((card) => card.id),
      localized: Object.fromEntries(languages.map((lang) => [lang, localize(members, lang).map((card) => card.id)])),
    });
  }
  const tags = collectTags(cards);
  const related = computeRelated(cards, tags, (card) => translations.groupOf(card)?.source.id);
  // Previous and next follow the list a reader of the card's language sees.
  const neighbours = new Map<string, { prev: string | undefined; next: string | undefined }>();
  const langOf = new Map(cards.map((card) => [card.id, card.lang]));
  for (const collection of collections) {
    for (const lang of languages) {
      const list = collection.localized[lang]!;
      list.forEach((id, i) => {
        if (!neighbours.has(id) || langOf.get(id) === lang) neighbours.set(id, { prev: list[i - 1], next: list[i + 1] });
      });
    }
  }
  // A language's home is a folder of the site: never a collection's, a name the sites use, nor (on the
  // help center) a page only the wiki has: `/hr/` of the internal-only HR desk beside a Croatian card.
  const homeIsTaken = (lang: string) => collections.some((c) => c.name === lang) || isReservedName(lang) || (site === "public" && hiddenPageAbove(`/${lang}/`, hidden) !== undefined);
  const languageHomes = Object.fromEntries(languages.map((lang) => [lang, lang === config.lang || homeIsTaken(lang) ? "/" : `/${lang}/`]));
  const tagUrl = new Map(tags.map((tag) => [tag.name, tag.url]));
  const publicSite = config.sites.public;
  const onSite = (card: Card) => isOnSite(card, site, selection);
  const onSiteIds = new Set(cards.map((c) => c.id));
  const publicUrlOf = (card: Card) => (isOnSite(card, "public", selection) ? new URL(joinBase(publicSite.base, card.url), publicSite.url).href : undefined);
  const companionView = (card: Card): CompanionView | undefined => {
    const other = companionOf(card, project.index);
    if (!other || !onSiteIds.has(other.id)) return undefined;
    const audience = cardAudience(other);
    return { id: other.id, title: other.data.title, url: other.url, audience, html: audience === "internal" ? renderFor(other, card).html : undefined, publicUrl: audience === "external" ? publicUrlOf(other) : undefined };
  };
  const siteUrlOf = (card: Card) => new URL(joinBase(siteConfig.base, card.url), siteConfig.url).href;
  const translationView = (card: Card): Pick<CardView, "group" | "translations" | "sourceId" | "outdated"> => {
    const group = translations.groupOf(card);
    if (!group) return { group: undefined, translations: [], sourceId: undefined, outdated: undefined };
    const members = [group.source, ...group.translations].filter((member) => onThisSite.has(member));
    const source = onThisSite.has(group.source) && group.source !== card ? group.source : undefined;
    const drift = outdated.get(card);
    return {
      group: group.source.id,
      translations: members.map((member) => ({ lang: member.lang, id: member.id })),
      sourceId: source?.id,
      outdated: drift ? { summary: describeDrift(drift), sourceUrl: source?.url } : undefined,
    };
  };
  const assets = new Map<string, SiteAsset>();
  const searchWords: CardWords[] = [];
  const anchorOf = (to: Card, anchor: string) => shownAnchor(to, anchor, { index: project.index, site, isLinkable: onSite });
  const views: CardView[] = cards.map((card) => {
    const html = renderFor(card);
    // Link text this site's page leaves out (an address of a page it lacks) is left out of its search and FAQ data too.
    const dropped = droppedLinkTexts(card, { index: project.index, site, isLinkable: onSite });
    const { terms, words } = search.of(card, html.headings.map((h) => h.text), dropped);
    searchWords.push(words);
    // Only files this site may publish (site/file-audience.ts, the rule lint applies too), read as the verdict is made.
    for (const asset of html.assets) {
      if (!assets.has(asset.sitePath) && files.verdict(asset.file, site).ok) assets.set(asset.sitePath, { ...asset, snapshot: snapshot?.(asset.file) });
    }
    const verification = getCardVerification(card, project.policy);
    const change = history.available ? history.changes.get(card.relPath) : undefined;
    return {
      id: card.id,
      url: card.url,
      collection: card.collection,
      collectionTitle: collectionTitles.has(card.collection) ? siteTitle(collectionTitles.get(card.collection)!, site) : card.collection,
      title: card.data.title,
      description: card.data.description === undefined ? undefined : cjkPunctuation(card.data.description, card.lang),
      tags: (card.data.tags ?? []).map((name) => ({ name, url: tagUrl.get(name)! })),
      searchTerms: terms,
      lang: card.lang,
      owner: card.data.owner,
      audience: cardAudience(card),
      verifyBy: card.data.verify_by,
      verifiedOn: card.data.verified_on,
      verification: { status: verification.status, daysLeft: verification.daysLeft },
      html: html.html,
      markdown: markdownCopy(card, { index: project.index, isOnSite: onSite, urlOf: siteUrlOf, snippet: shownSnippets(project.contentDir, project.index, isOnSite(card, "public", selection)), anchorOf }),
      headings: html.headings,
      related: related.get(card.id) ?? [],
      prev: neighbours.get(card.id)?.prev,
      next: neighbours.get(card.id)?.next,
      lastChange: changeShownOn(change, site),
      historyNote: history.available ? (change ? undefined : "not committed yet") : history.reason,
      editUrl: site === "internal" && config.repository.url ? editUrl(config.repository.url, config.repository.branch, card.relPath) : undefined,
      publicUrl: site === "internal" ? publicUrlOf(card) : undefined,
      file: site === "internal" ? card.relPath : undefined,
      faq: site === "public" && card.data.template === "faq" ? faqEntries(card, dropped) : undefined,
      template: card.data.template ?? ((source) => (source && onThisSite.has(source) ? source.data.template : undefined))(translations.groupOf(card)?.source),
      reviewNotice: site === "public" && publicTreatment(card, selection) === "notice",
      companion: site === "internal" ? companionView(card) : undefined,
      ...translationView(card),
    };
  });
  const taken = new Set<string>([...cards.map((c) => c.url), ...collections.map((c) => c.url), ...Object.values(languageHomes)]);
  // The old address of a card moved out of the wiki's pages stays the wiki's: the help center never had it.
  const { redirects, refused } = siteRedirects(cards, site, taken, hidden);
  for (const alias of refused) onRefusedAlias?.(alias);
  return {
    ...siteSettings(config, site),
    title: siteConfig.title,
    lang: config.lang,
    today: project.today,
    timeZone: config.timeZone,
    warnDays: config.warnDays,
    support: site === "public" && config.support ? { url: config.support.url, label: config.support.label } : undefined,
    collections,
    cards: views,
    tags,
    redirects,
    assets: [...assets.values()],
    home: {
      featured: siteConfig.featured.filter((id, i, all) => all.indexOf(id) === i && views.some((view) => view.id === id)),
      recent: views
        .filter((view) => view.lastChange)
        .sort((a, b) => b.lastChange!.date.localeCompare(a.lastChange!.date) || a.title.localeCompare(b.title))
        .slice(0, HOME_LIST_LENGTH)
        .map((view) => view.id),
      popular: popularCards(siteConfig.featured, collections, views, config.lang),
      needsReview:
        site === "internal"
          ? views
              .filter((view) => view.verification.status !== "verified")
              .sort((a, b) => a.verification.daysLeft - b.verification.daysLeft || a.title.localeCompare(b.title))
              .slice(0, HOME_LIST_LENGTH)
              .map((view) => view.id)
          : [],
    },
    trustCards: site === "internal" ? trustCardsByCollection(project.cards) : undefined,
    messages: loadLocales(),
    languages,
    languageHomes,
    homeAlternates: languages.filter((lang, i) => i === 0 || languageHomes[lang] !== "/").map((lang) => ({ lang, path: languageHomes[lang]! })),
    outdatedNote: site === "internal" || config.translations.outdatedNote,
    health:
      site === "internal"
        ? computeKnowledgeHealth({ cards: project.cards, collections: project.collections, policy: project.policy, config: { warnDays: config.warnDays, minTrustScore: config.minTrustScore } })
        : undefined,
    search: buildSearchData(searchWords, search.groups),
  };
}

function compareCards(a: Card, b: Card): number {
  return a.collection.localeCompare(b.collection) || a.data.title.localeCompare(b.data.title) || a.id.localeCompare(b.id);
}

function editUrl(repository: string, branch: string, relPath: string): string {
  return `${repository.replace(/\/$/, "")}/edit/${encodeURIComponent(branch)}/${relPath.split("/").map(encodeURIComponent).join("/")}`;
}

/** By collection, in a Map first: a plain object already "has" a collection folder named `constructor`. */
function trustCardsByCollection(cards: readonly Card[]): Record<string, string[]> {
  const result = new Map<string, string[]>();
  for (const card of cards) if (isCountedForTrust(card)) (result.get(card.collection) ?? result.set(card.collection, []).get(card.collection)!).push(card.data.verify_by);
  return Object.fromEntries(result);
}

