/**
 * `verity lint --changed [base]`: lint only the cards changed since the merge base with `base`,
 * plus the cards that link to changed, renamed or deleted cards, while the trust-score floor still
 * counts every card. Fast on large repositories: every card is read as text once, only the cards
 * to lint (and the cards they link to) are parsed, and git is called a fixed number of times.
 *
 * `url-removed`: a renamed or deleted card, or an alias dropped from a card, leaves an old URL
 * that no card keeps (as its URL or an alias). Reported on the renamed card's file (line of
 * `aliases`, else 1), on the card that dropped the alias, or, for a deletion, on the deleted
 * path at line 1.
 *
 * `card-published` and `file-published`: what a change publishes (see changed-publish.ts), notices.
 */
import path from "node:path";
import { loadCollection, type Collection } from "../cards/collections.ts";
import type { VerityConfig } from "../project/config.ts";
import { createCardPaths, urlOfParts } from "../cards/paths.ts";
import { isOnSite, isTextOnPublicSite } from "../site/audience.ts";
import { discoverCardFiles } from "../cards/discover.ts";
import type { Finding } from "./findings.ts";
import { readChangesSince, type ChangeSet } from "../git/changes.ts";
import { buildCardIndex, normaliseSitePath, resolveLink, type CardIndex } from "../site/links.ts";
import { collectLinks, type CardLink } from "../site/link-extract.ts";
import { loadCardFiles, type Card } from "../cards/load.ts";
import { readCardFrontmatter } from "../cards/frontmatter-read.ts";
import { formatOf, parseMarkdown } from "../cards/markdown.ts";
import { SNIPPET_DIR } from "../cards/snippets.ts";
import { openProject, type Project, type ProjectOptions } from "../project/project.ts";
import type { VerifiableCard } from "../verification/verification.ts";
import { parseYaml } from "../cards/yaml-source.ts";
import { externalSnippetChanges, findFilesPublishedBySnippets, publicationHistory, findPublishedCards, findPublishedFiles, findPublishedSnippets, linkedFileNames, snippetsMadeExternal } from "./changed-publish.ts";
import { FRONTMATTER, lineOfKey, readBytes, readFrontmatterData, readText, safeDecode, type LightCard } from "./changed-text.ts";

export interface ChangedLint {
  /** The project with only the cards to lint and the cards they link to loaded. */
  project: Project;
  /** Absolute paths to report on: changed cards, cards linking to them, deleted card paths. */
  reportFiles: Set<string>;
  changedFiles: string[];
  linkingFiles: string[];
  changeSet: ChangeSet;
  /** Every card the trust score counts (light readings of the cards that were not parsed). */
  trustCards: VerifiableCard[];
  /** `url-removed` findings. */
  extraFindings: Finding[];
}

export function loadChangedProject(options: ProjectOptions, base: string | undefined): ChangedLint {
  const context = openProject(options);
  const { root, config } = context;
  const contentDir = path.resolve(root, config.contentDir);
  const contentRel = path.relative(root, contentDir).split(path.sep).join("/");
  const cardPaths = createCardPaths(contentRel);
  const inContent = cardPaths.partsOf;
  const isCard = cardPaths.isCard;
  const isSnippet = (rel: string) => {
    const parts = inContent(rel);
    return parts?.length === 2 && parts[0] === SNIPPET_DIR && parts[1]!.endsWith(".md");
  };
  const changeSet = readChangesSince(root, contentRel || ".", base, { isCard, alsoOldText: isSnippet });
  const abs = (rel: string) => path.resolve(root, rel);

  // 1. What to look for: the file names, URLs and aliases (old and new) of changed cards.
  const needles = new Set<string>();
  const lostTargets = new Set<string>();
  const changedCardPaths = new Set<string>();
  for (const change of changeSet.changes) {
    if (change.kind !== "deleted" && isCard(change.path)) changedCardPaths.add(abs(change.path));
    for (const rel of [change.path, change.oldPath]) {
      if (rel === undefined || !isCard(rel)) continue;
      const url = urlOf(inContent(rel)!);
      const current = rel === change.path && change.kind !== "deleted" ? readAliases(readText(abs(rel))) : [];
      const aliases = [...current, ...readAliases(changeSet.oldTexts.get(rel))];
      needles.add(path.posix.basename(rel));
      for (const address of [url, ...aliases]) needles.add(address.slice(0, -1));
      if (rel === change.oldPath || change.kind === "deleted" || change.kind === "modified") {
        lostTargets.add(abs(rel));
        for (const address of [url, ...aliases]) lostTargets.add(address);
      }
    }
  }

  // The names of the files the changed cards link: a card mentioning one may have published it before.
  const fileNeedles = new Set<string>();
  for (const file of changedCardPaths) for (const name of linkedFileNames(readText(file), formatOf(file))) fileNeedles.add(name);
  // The names of changed external snippets: a public card including one publishes its text (if it
  // was made external) and the files it links now.
  const externalSnippets = externalSnippetChanges(changeSet, isSnippet, abs);
  const publishedSnippets = snippetsMadeExternal(externalSnippets);
  for (const snippet of externalSnippets) {
    fileNeedles.add(snippet.name);
    for (const name of linkedFileNames(snippet.text, "md")) fileNeedles.add(name);
  }
  const fileNeedleList = [...fileNeedles];

  // 2. Every card read once as text; only changed cards and cards mentioning a needle keep it.
  const discoverProblems: Finding[] = [];
  const needleList = [...needles];
  const collectionsByName = new Map<string, Collection>();
  const collectionOf = (name: string) => {
    let collection = collectionsByName.get(name);
    if (!collection) collectionsByName.set(name, (collection = loadCollection(contentDir, name, [])));
    return collection;
  };
  const light = discoverCardFiles(contentDir, discoverProblems).map((file) =>
    readLight(file, contentDir, config, collectionOf, (text) => changedCardPaths.has(file) || needleList.some((needle) => text.includes(needle)) || fileNeedleList.some((name) => text.includes(name))),
  );
  const lightByFile = new Map(light.map((card) => [card.file, card]));
  const urlOwners = new Set<string>();
  for (const card of light) for (const url of [card.url, ...card.aliases]) urlOwners.add(url);

  // 3. Changed cards, and every card of a collection whose _collection.yml changed.
  const changed = new Set<string>();
  const changedCollectionFiles: string[] = [];
  for (const change of changeSet.changes) {
    if (change.kind === "deleted") continue;
    if (isCard(change.path) && lightByFile.has(abs(change.path))) changed.add(abs(change.path));
    const parts = inContent(change.path);
    if (parts?.length === 2 && parts[1] === "_collection.yml") {
      changedCollectionFiles.push(abs(change.path));
      for (const card of light) if (card.collection === parts[0]) changed.add(card.file);
    }
  }

  // 4. Cards that link to a changed card, or to the old path or URL of a renamed or deleted one:
  //    the text search picked candidates cheaply; parsing their links decides.
  const lightIndex = buildLightIndex(light);
  const linking = light
    .filter((card) => !changed.has(card.file) && card.text !== "")
    .filter((card) => linksToChange(card, lightIndex, changed, lostTargets))
    .map((c) => c.file);
  const toLint = [...changed, ...linking].sort();

  // 5. Parse the cards to lint, then the cards they link to (for anchors and audience).
  const problems = discoverProblems.filter((p) => toLint.includes(p.file));
  const first = loadCardFiles(root, config, toLint, problems);
  const targets = new Set<string>();
  for (const card of first.cards) {
    for (const link of card.links) {
      const target = resolveLink(card, link.url, lightIndex);
      if (target.kind === "card" && !toLint.includes(target.card.file)) targets.add(target.card.file);
    }
  }
  const second = loadCardFiles(root, config, [...targets].sort());
  const cards = [...first.cards, ...second.cards];
  const invalidFiles = [...first.invalidFiles, ...second.invalidFiles];
  const collections = new Map([...second.collections, ...first.collections].map((c) => [c.name, c]));
  const project: Project = {
    ...context,
    cards,
    collections: [...collections.values()],
    invalidFiles,
    bodyOnlyCards: first.bodyOnlyCards,
    problems: first.problems,
    contentDir,
    index: buildCardIndex(cards, invalidFiles, { sites: config.sites, partialCollections: light.map((card) => card.collection) }),
  };

  // 6. Every card that loads counts for the trust score, as in a full lint: parsed ones as they are,
  //    the rest with the frontmatter they load with (same aliases, defaults and schema).
  const parsed = new Map(cards.map((card) => [card.file, card]));
  const invalid = new Set(invalidFiles);
  const trustCards: VerifiableCard[] = [];
  for (const card of light) {
    const full = parsed.get(card.file);
    if (full) trustCards.push(full);
    else if (!invalid.has(card.file) && card.data) trustCards.push({ data: card.data });
  }

  const isPublicNow = (file: string) => {
    const card = parsed.get(file);
    return card !== undefined && isOnSite(card, "public");
  };
  // What the public site published before the change, read once for cards and snippets alike.
  const publishContext = { root, isCard, abs, parsed, index: project.index, lightIndex, light, contentDir, inContent };
  const history = publicationHistory(changeSet, publishContext);
  const extraFindings = [
    ...findRemovedUrls(changeSet, { isCard, inContent, abs, urlOwners, lightByFile, isPublicNow }),
    ...findPublishedCards(changeSet, { isCard, abs, parsed, light, inContent }),
    ...findPublishedFiles(changeSet, publishContext, history),
    ...findPublishedSnippets(publishedSnippets, light, root),
    ...findFilesPublishedBySnippets(externalSnippets, publishContext, history),
  ];
  // A changed _collection.yml is reported on too (its description, its fields).
  const reportFiles = new Set([...toLint, ...changedCollectionFiles, ...extraFindings.map((f) => f.file)]);
  return { project, reportFiles, changedFiles: [...changed].sort(), linkingFiles: linking.sort(), changeSet, trustCards, extraFindings };
}

/** True when one of the card's links points at a changed card, or at a path or URL that is gone. */
function linksToChange(card: LightCard, index: CardIndex, changed: ReadonlySet<string>, lost: ReadonlySet<string>): boolean {
  let links: CardLink[];
  try {
    links = collectLinks(parseMarkdown(card.text.replace(/^\uFEFF/, ""), formatOf(card.file)));
  } catch {
    return true; // does not parse: lint it, so the problem is reported
  }
  const from = { file: card.file, url: card.url } as unknown as Card;
  for (const link of links) {
    const target = resolveLink(from, link.url, index);
    if (target.kind === "card" && changed.has(target.card.file)) return true;
    if (target.kind !== "broken") continue;
    const url = link.url.trim().replace(/[?#].*$/, "");
    if (/\.mdx?$/i.test(url) && lost.has(path.resolve(path.dirname(card.file), safeDecode(url)))) return true;
    const sitePath = url.startsWith("/") ? url : new URL(url, `https://site.invalid${card.url}`).pathname;
    if (lost.has(normaliseSitePath(safeDecode(sitePath)))) return true;
  }
  return false;
}

interface RemovedUrlContext {
  isCard(rel: string): boolean;
  inContent(rel: string): string[] | undefined;
  abs(rel: string): string;
  urlOwners: ReadonlySet<string>;
  lightByFile: ReadonlyMap<string, LightCard>;
  /** True when the card at this path is on the public site now. */
  isPublicNow(file: string): boolean;
}

function findRemovedUrls(changeSet: ChangeSet, ctx: RemovedUrlContext): Finding[] {
  const findings: Finding[] = [];
  for (const change of changeSet.changes) {
    const oldRel = change.oldPath ?? change.path;
    if (change.kind === "added" || !ctx.isCard(oldRel)) continue;
    const oldAliases = readAliases(changeSet.oldTexts.get(oldRel));
    const oldUrl = urlOf(ctx.inContent(oldRel)!);
    const lost = [...new Set([oldUrl, ...oldAliases])].filter((url) => !ctx.urlOwners.has(url));
    if (lost.length === 0) continue;
    const list = lost.join(", ");
    const aliasLine = `aliases: [${lost.join(", ")}]`;
    if (change.kind === "deleted") {
      findings.push(removedUrl(ctx.abs(change.path), 1,
        `${change.path} was deleted, so ${list} no longer ${lost.length === 1 ? "leads" : "lead"} anywhere and links and bookmarks to ${lost.length === 1 ? "it" : "them"} break. ` +
          `Add ${aliasLine} to the card that replaces it, or restore the card.` +
          (isTextOnPublicSite(readFrontmatterData(changeSet.oldTexts.get(oldRel) ?? "")) ? "" : " It was internal: on a public card the alias redirects on the internal wiki only, since on the help center the address would name it.")));
      continue;
    }
    const card = ctx.lightByFile.get(ctx.abs(change.path));
    const line = card ? lineOfKey(card.text, "aliases") ?? 1 : 1;
    const message =
      change.kind === "renamed"
        ? `This card moved from ${oldRel}, so its old URL${lost.length === 1 ? "" : "s"} ${list} no longer ${lost.length === 1 ? "leads" : "lead"} anywhere. Keep ${lost.length === 1 ? "it" : "them"} working: add ${aliasLine} to this card's frontmatter.` +
          (ctx.isPublicNow(ctx.abs(change.path)) ? "" : " The card stays internal: an alias redirects on the internal wiki only and never publishes it.")
        : `The alias${lost.length === 1 ? "" : "es"} ${list} ${lost.length === 1 ? "was" : "were"} removed from this card and no other card keeps ${lost.length === 1 ? "it" : "them"}, so links and bookmarks break. Keep ${aliasLine}, or move ${lost.length === 1 ? "it" : "them"} to the card that replaces this one.`;
    findings.push(removedUrl(ctx.abs(change.path), line, message));
  }
  return findings;
}

function removedUrl(file: string, line: number, message: string): Finding {
  return { ruleId: "url-removed", severity: "error", file, line, column: 1, message };
}

function readLight(
  file: string,
  contentDir: string,
  config: VerityConfig,
  collectionOf: (name: string) => Collection,
  keepText: (text: string) => boolean,
): LightCard {
  const bytes = readBytes(file);
  const text = bytes.toString("utf8");
  const parts = (file.startsWith(contentDir + path.sep) ? file.slice(contentDir.length + 1) : path.relative(contentDir, file)).split(path.sep);
  const data = parts.length >= 2 ? readCardFrontmatter(file, bytes, config, collectionOf(parts[0]!)) : undefined;
  const fm = FRONTMATTER.exec(text)?.[1] ?? "";
  let aliases: string[] = [];
  let id: string | undefined;
  if (/^(aliases|id)[ \t]*:/m.test(fm)) {
    const data = parseYaml(fm).value as { aliases?: unknown; id?: unknown } | undefined;
    aliases = Array.isArray(data?.aliases) ? data.aliases.filter((a): a is string => typeof a === "string").map(normaliseSitePath) : [];
    id = typeof data?.id === "string" ? data.id : undefined;
  }
  return {
    file,
    collection: parts[0] ?? "",
    url: urlOf(parts),
    aliases,
    id,
    text: keepText(text) ? text : "",
    data,
  };
}

const urlOf = urlOfParts;

function readAliases(text: string | undefined): string[] {
  const fm = text === undefined ? undefined : FRONTMATTER.exec(text)?.[1];
  if (!fm || !/^aliases[ \t]*:/m.test(fm)) return [];
  const data = parseYaml(fm).value as { aliases?: unknown } | undefined;
  return Array.isArray(data?.aliases) ? data.aliases.filter((a): a is string => typeof a === "string").map(normaliseSitePath) : [];
}

/**
 * A link index over lightly read cards, for finding which files the linted cards link to.
 * `resolveLink` only reads the target's file from it, so the light cards stand in for cards.
 */
function buildLightIndex(cards: readonly LightCard[]): CardIndex {
  const asCards = cards.map((card) => ({ ...card, id: card.id ?? card.url, data: { aliases: card.aliases } }) as unknown as Card);
  return buildCardIndex(asCards, [], { partialCollections: cards.map((card) => card.collection) });
}
