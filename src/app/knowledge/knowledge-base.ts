/**
 * What one site knows, for assistants: the cards the site serves (decided by `isOnSite`, the same
 * function that decides what each site builds), their Markdown copies, their verification status on
 * the day of the request, and a search index. Built from the repository, not from a built site:
 * status is computed when asked (a built site's status is as old as the build), and no build is
 * needed before an assistant can answer.
 */
import path from "node:path";
import { changeShownOn, isOnSite, siteSelectionOf, translationsReachedFrom, type SiteName } from "../../core/site/audience.ts";
import { hiddenAddressesIn } from "../../core/lint/rules/address-audience.ts";
import type { CalendarDate } from "../../core/verification/calendar-date.ts";
import type { Card } from "../../core/cards/load.ts";
import { joinBase, normaliseSitePath } from "../../core/site/links.ts";
import { loadProject, type Project, type ProjectOptions } from "../../core/project/project.ts";
import { markdownCopy } from "../../core/site/markdown-copy.ts";
import { shownSnippets } from "../../core/cards/snippets.ts";
import { droppedLinkTexts, shownAnchor } from "../../core/site/link-text.ts";
import type { Nodes } from "mdast";
import { walkTree } from "../../core/cards/tree-walk.ts";
import { hiddenNodes } from "../../core/site/hidden-text.ts";
import { shownHeadings } from "../../core/site/anchors.ts";
import { computeTrustScore, getCardVerification, type TrustScore, type VerificationStatus } from "../../core/verification/verification.ts";
import { readCardHistory, type CardChange } from "../../build/card-history.ts";
import { cardSearchOf, foldingTable } from "../../build/search-terms.ts";
import { crossLanguageQueries, glossaryOf, type GlossaryEntry } from "../../core/site/glossary.ts";
import { languageOfQuery, SearchIndex, type SearchHit } from "./search-index.ts";

export interface KnowledgeOptions extends ProjectOptions {
  site: SiteName;
  /** Withhold expired cards (and their translations) instead of serving them with their status. */
  verifiedOnly?: boolean;
}

export interface CardStatus {
  status: VerificationStatus;
  verifyBy: string;
  /** Days from today to verify_by: negative once expired. */
  daysLeft: number;
  /** One sentence an assistant can pass on: "Verified until 2027-03-01; owner @acme/billing" (on the help center, no owner). */
  note: string;
}

export interface CardSummary {
  id: string;
  title: string;
  description: string | undefined;
  url: string;
  collection: string;
  tags: string[];
  lang: string;
  /** On the wiki only: the help center names no owner (a team handle or a person's email is the company's own business). */
  owner?: string;
  audience: "internal" | "external";
  verification: CardStatus;
}

export interface CardDetail extends CardSummary {
  markdown: string;
  /** The last commit's day, and on the wiki its author (the public help center names no author). */
  lastChange: Pick<CardChange, "date"> & Partial<Pick<CardChange, "author">> | undefined;
  headings: string[];
}

export interface SearchResult extends CardSummary {
  score: number;
  /** True when the card is in another language than the reader's. */
  otherLanguage: boolean;
}

export interface ListFilter {
  collection?: string | undefined;
  tag?: string | undefined;
  owner?: string | undefined;
  status?: VerificationStatus | undefined;
  lang?: string | undefined;
}

/**
 * Where the MCP server gets its knowledge for each request: a fixed {@link KnowledgeBase} (tests,
 * one-off runs) or the cards as they are on disk now (see live-knowledge.ts). `current` fails with
 * a clear error, never with cards that are no longer true, when the project cannot be loaded.
 */
export interface KnowledgeSource {
  readonly site: SiteName;
  current(): Promise<KnowledgeBase>;
}

export class KnowledgeBase implements KnowledgeSource {
  readonly site: SiteName;
  private readonly project: Project;
  private readonly cards: Card[];
  private readonly byId = new Map<string, Card>();
  private readonly byUrl = new Map<string, Card>();
  private readonly index: SearchIndex;
  private readonly glossary: GlossaryEntry[];
  private fold: Record<string, string> | undefined;
  private readonly markdown = new Map<Card, string>();
  /** The link texts a served card's page drops on this site, for the few cards that have any. */
  private readonly dropped = new Map<Card, ReadonlySet<Nodes>>();
  private readonly options: KnowledgeOptions;
  private history: Promise<Map<string, CardChange> | undefined> | undefined;
  /** With `verifiedOnly`: expired cards and their translations (down each chain), on this knowledge base's day. */
  private stale: ReadonlySet<Card> | undefined;

  private constructor(project: Project, options: KnowledgeOptions) {
    this.project = project;
    this.options = options;
    this.site = options.site;
    // Drafts are never served, on either site; nor expired public cards the site withholds.
    this.cards = project.cards.filter((card) => isOnSite(card, options.site, siteSelectionOf(project)));
    // Nor a public card whose page would name an address only the wiki has: the build refuses it
    // (address-audience, mandatory), and this server does not lint.
    if (options.site === "public") this.cards = this.cards.filter((card) => hiddenAddressesIn(card, card.tree, project.index).length === 0);
    for (const card of this.cards) {
      this.byId.set(card.id, card);
      this.byUrl.set(card.url, card);
    }
    // The words the sites' search finds a card by (keywords, tags, synonym groups), the same for assistants.
    const search = cardSearchOf(project.root);
    // A link whose text is the address of a card this site lacks loses that text on the page: it is not searched either.
    const linkSite = { index: project.index, site: options.site, isLinkable: (c: Card) => this.isServed(c) && isOnSite(c, options.site, siteSelectionOf(project)) };
    for (const card of this.cards) {
      const dropped = droppedLinkTexts(card, linkSite);
      if (dropped.size > 0) this.dropped.set(card, dropped);
    }
    // Only served cards are searched: a withheld (expired) card that matched took a place in the results it was then
    // left out of, and a language whose only matches were withheld was never widened from.
    const searched = this.served();
    const terms = searched.map((card) => search.terms(card, this.headingsOf(card)));
    this.glossary = glossaryOf(
      search.groups,
      searched.map((card, i) => ({ lang: card.lang.split("-")[0]!.toLowerCase(), concepts: terms[i]!.concepts })),
    );
    this.index = new SearchIndex(
      searched.map((card, i) => ({
        id: card.id,
        lang: card.lang,
        fields: [
          { text: card.data.title, weight: 4 },
          { text: terms[i]!.strong.join("\n"), weight: 3 },
          { text: (card.data.tags ?? []).join(" "), weight: 2 },
          { text: card.data.description ?? "", weight: 2 },
          { text: this.headingsOf(card).join(" "), weight: 1.5 },
          { text: terms[i]!.weak.join("\n"), weight: 1 },
          { text: this.bodyOf(card), weight: 1 },
        ],
      })),
    );
  }

  static load(options: KnowledgeOptions): KnowledgeBase {
    return new KnowledgeBase(loadProject(options), options);
  }

  /** This knowledge base itself: it never changes. */
  async current(): Promise<KnowledgeBase> {
    return this;
  }

  /** How many cards the site serves. */
  get size(): number {
    return this.served().length;
  }

  /**
   * The day this knowledge base answers for: the project's "today" (the clock read once when it
   * was loaded, or --today). A server that runs past midnight asks for {@link onDay}.
   */
  today(): CalendarDate {
    return this.project.today;
  }

  /** The files this knowledge base was read from: the project root, its content folder and configuration file. */
  projectPaths(): { root: string; contentDir: string; configFile: string | undefined } {
    return { root: this.project.root, contentDir: path.resolve(this.project.root, this.project.config.contentDir), configFile: this.project.configFile };
  }

  /** The time zone "today" is read in. */
  get timeZone(): string {
    return this.project.config.timeZone;
  }

  /**
   * The same cards answering for another day: which public cards are withheld as expired, and every
   * status, are decided again; no file is read.
   */
  onDay(today: CalendarDate): KnowledgeBase {
    if (today === this.project.today) return this;
    return new KnowledgeBase({ ...this.project, today, policy: { ...this.project.policy, today } }, this.options);
  }

  private served(): Card[] {
    if (!this.options.verifiedOnly) return this.cards;
    return this.cards.filter((card) => !this.staleCards().has(card));
  }

  private isServed(card: Card | undefined): card is Card {
    if (!card) return false;
    return !this.options.verifiedOnly || !this.staleCards().has(card);
  }

  /** Expired cards, and their translations: the same stale text in another language, whatever their own verify_by says. */
  private staleCards(): ReadonlySet<Card> {
    if (!this.stale) {
      const expired = this.cards.filter((card) => this.statusOf(card).status === "expired");
      this.stale = new Set([...expired, ...translationsReachedFrom(this.project.cards, expired)]);
    }
    return this.stale;
  }

  statusOf(card: Card): CardStatus {
    const policy = { today: this.today(), warnDays: this.project.config.warnDays };
    const { status, daysLeft } = getCardVerification(card, policy);
    // The help center names no owner: its assistant says the card may be out of date, not whom to ask inside the company.
    const owner = this.site === "public" ? undefined : card.data.owner;
    const note =
      status === "expired"
        ? `Expired ${-daysLeft} day${daysLeft === -1 ? "" : "s"} ago (verify_by ${card.data.verify_by}): it may be out of date${owner ? `; ask ${owner} before relying on it` : ""}.`
        : status === "expiring"
          ? `Verified until ${card.data.verify_by} (expires in ${daysLeft} day${daysLeft === 1 ? "" : "s"})${owner ? `; owner ${owner}` : ""}.`
          : `Verified until ${card.data.verify_by}${owner ? `; owner ${owner}` : ""}.`;
    return { status, verifyBy: card.data.verify_by, daysLeft, note };
  }

  urlOf(card: Card): string {
    const site = this.project.config.sites[this.site];
    return new URL(joinBase(site.base, card.url), site.url).href;
  }

  private summary(card: Card): CardSummary {
    return {
      id: card.id,
      title: card.data.title,
      description: card.data.description,
      url: this.urlOf(card),
      collection: card.collection,
      tags: card.data.tags ?? [],
      lang: card.lang,
      ...(this.site === "public" ? {} : { owner: card.data.owner }),
      audience: card.data.audience,
      verification: this.statusOf(card),
    };
  }

  /** Searches the reader's language first (given, else the query's script, else the default language), then all. */
  search(query: string, options: { lang?: string | undefined; limit?: number | undefined } = {}): { lang: string; widened: boolean; results: SearchResult[] } {
    const limit = Math.min(Math.max(options.limit ?? 10, 1), 50);
    const lang = options.lang ?? languageOfQuery(query) ?? this.project.config.lang;
    const asked = lang === "zh" ? this.foldChinese(query) : query;
    const own = this.index.search(asked, { lang, limit: limit * 2 });
    // Things the query names that no card of its language covers are also asked of the languages whose cards do (core/site/glossary.ts).
    const crossed: SearchHit[] = [];
    for (const [other, words] of crossLanguageQueries(asked, lang.split("-")[0]!.toLowerCase(), this.glossary)) {
      crossed.push(...this.index.search(words, { lang: this.cards.find((card) => card.lang.split("-")[0]!.toLowerCase() === other)?.lang ?? other, limit: limit * 2 }));
    }
    // Cards that have what the question names come before cards of its language that match only some of its words.
    let hits = [...own.filter((hit) => hit.complete), ...crossed, ...own.filter((hit) => !hit.complete)];
    let widened = false;
    if (hits.length === 0) {
      hits = this.index.search(asked, { limit: limit * 2 });
      widened = hits.length > 0;
    }
    const seen = new Set<string>();
    const results = hits
      .filter((hit) => !seen.has(hit.id) && Boolean(seen.add(hit.id)))
      .map((hit) => ({ hit, card: this.byId.get(hit.id) }))
      .filter((entry): entry is { hit: SearchHit; card: Card } => this.isServed(entry.card))
      .slice(0, limit)
      .map(({ hit, card }) => ({ ...this.summary(card), score: Math.round(hit.score * 1000) / 1000, otherLanguage: card.lang !== lang }));
    return { lang, widened: widened || results.some((r) => r.otherLanguage), results };
  }

  /** Traditional Chinese folded to the simplified characters the Chinese cards use (built on the first Chinese query). */
  private foldChinese(query: string): string {
    this.fold ??= foldingTable(new Set(this.cards.filter((card) => card.lang.toLowerCase().startsWith("zh")).flatMap((card) => [...`${card.data.title}${this.bodyOf(card)}`].filter((ch) => /\p{Script=Han}/u.test(ch)))));
    return [...query].map((ch) => this.fold![ch] ?? ch).join("");
  }

  /** A card by id, by its site URL (absolute or a site path) or by its exact title. */
  find(ref: string): Card | undefined {
    const text = ref.trim();
    let card = this.byId.get(text);
    if (!card) {
      const site = this.project.config.sites[this.site];
      let sitePath: string | undefined;
      try {
        const url = new URL(text, site.url);
        const origin = new URL(site.url).origin;
        if (url.origin === origin) sitePath = url.pathname;
      } catch {
        sitePath = undefined;
      }
      if (sitePath !== undefined) {
        const base = site.base.replace(/\/$/, "");
        const inBase = base && sitePath.startsWith(base) ? sitePath.slice(base.length) : sitePath;
        card = this.byUrl.get(normaliseSitePath(inBase));
      }
    }
    if (!card) card = this.cards.find((c) => c.data.title.toLowerCase() === text.toLowerCase());
    return this.isServed(card) ? card : undefined;
  }

  async get(ref: string): Promise<CardDetail | undefined> {
    const card = this.find(ref);
    if (!card) return undefined;
    const changes = await this.readHistory();
    const change = changes?.get(card.relPath);
    return {
      ...this.summary(card),
      markdown: this.markdownOf(card),
      lastChange: changeShownOn(change, this.site),
      headings: this.headingsOf(card),
    };
  }

  markdownOf(card: Card): string {
    let text = this.markdown.get(card);
    if (text === undefined) {
      const selection = siteSelectionOf(this.project);
      text = markdownCopy(card, {
        index: this.project.index,
        isOnSite: (c) => this.isServed(c) && isOnSite(c, this.site, selection),
        urlOf: (c) => this.urlOf(c),
        snippet: shownSnippets(this.project.contentDir, this.project.index, isOnSite(card, "public", selection)),
        anchorOf: (to, anchor) => shownAnchor(to, anchor, { index: this.project.index, site: this.site, isLinkable: (c) => this.isServed(c) && isOnSite(c, this.site, selection) }),
      });
      this.markdown.set(card, text);
    }
    return text;
  }

  list(filter: ListFilter = {}): CardSummary[] {
    return this.served()
      .filter(
        (card) =>
          (!filter.collection || card.collection === filter.collection) &&
          (!filter.tag || (card.data.tags ?? []).some((t) => t.toLowerCase() === filter.tag!.toLowerCase())) &&
          (!filter.owner || (this.site !== "public" && card.data.owner.toLowerCase() === filter.owner.toLowerCase())) &&
          (!filter.lang || card.lang === filter.lang),
      )
      .map((card) => this.summary(card))
      .filter((summary) => !filter.status || summary.verification.status === filter.status)
      .sort((a, b) => a.collection.localeCompare(b.collection) || a.title.localeCompare(b.title));
  }

  trust(): { site: SiteName; today: string; minTrustScore: number; trust: TrustScore; byCollection: { collection: string; trust: TrustScore }[] } {
    const policy = { today: this.today(), warnDays: this.project.config.warnDays };
    const collections = [...new Set(this.cards.map((c) => c.collection))].sort();
    return {
      site: this.site,
      today: policy.today,
      minTrustScore: this.project.config.minTrustScore,
      trust: computeTrustScore(this.cards, policy),
      byCollection: collections.map((collection) => ({ collection, trust: computeTrustScore(this.cards.filter((c) => c.collection === collection), policy) })),
    };
  }

  /** Every served card, for resource listings. */
  all(): CardSummary[] {
    return this.list();
  }

  /** The card's headings as its page on this site shows them (without the link text it drops). */
  private headingsOf(card: Card): string[] {
    return shownHeadings(card, this.dropped.get(card) ?? new Set()).map((h) => h.text);
  }

  /** The card's prose as its page on this site shows it. */
  private bodyOf(card: Card): string {
    return bodyText(card, this.dropped.get(card));
  }

  private readHistory(): Promise<Map<string, CardChange> | undefined> {
    this.history ??= readCardHistory(this.project).then((h) => (h.available ? new Map(h.changes) : undefined));
    return this.history;
  }
}

/** The card's prose: every text and code value its page shows (see hidden-text.ts), less the link text it drops. */
function bodyText(card: Card, dropped: ReadonlySet<Nodes> = new Set()): string {
  const parts: string[] = [];
  const hidden = hiddenNodes(card.tree);
  walkTree(card.tree, (node) => {
    if (hidden.has(node) || dropped.has(node)) return false;
    if ((node.type === "text" || node.type === "inlineCode" || node.type === "code") && "value" in node) parts.push(node.value);
  });
  return parts.join(" ");
}
