/**
 * What a change publishes, for `lint --changed`: `card-published` (a card made public) and
 * `file-published` (a file, or a snippet's text, that reaches the public help center), both notices
 * for the reviewer, listed in the job summary.
 */
import path from "node:path";
import { isOnSite, isTextOnPublicSite } from "../site/audience.ts";
import { createFileAudience, hiddenPagesOf } from "../site/file-audience.ts";
import type { Finding } from "./findings.ts";
import type { ChangeSet } from "../git/changes.ts";
import { resolveLink, type CardIndex } from "../site/links.ts";
import { collectLinks, type CardLink } from "../site/link-extract.ts";
import type { Card } from "../cards/load.ts";
import { formatOf, parseMarkdown, type MarkdownFormat } from "../cards/markdown.ts";
import { rebaseSnippetUrl, snippetReferences } from "../cards/snippets.ts";
import { urlOfParts } from "../cards/paths.ts";
import { isRegularFile, lineOfKey, readFrontmatterData, readText, safeDecode, type LightCard } from "./changed-text.ts";

const urlOf = urlOfParts;

/**
 * `card-published`: a change that puts a card on the public help center: a new external card, an
 * internal or draft card made external and published, or a move of a card that was not public. A
 * notice for the reviewer (never silent), listed in the job summary.
 */
export function findPublishedCards(changeSet: ChangeSet, ctx: PublishedCardsContext): Finding[] {
  const findings: Finding[] = [];
  const { before, now } = translationSources(changeSet, ctx);
  for (const change of changeSet.changes) {
    if (change.kind === "deleted" || !ctx.isCard(change.path)) continue;
    const card = ctx.parsed.get(ctx.abs(change.path));
    if (!card || !isOnSite(card, "public") || translatesHiddenCard(card.data, now)) continue;
    const oldRel = change.oldPath ?? change.path;
    const oldText = change.kind === "added" ? undefined : changeSet.oldTexts.get(oldRel);
    const old = oldText === undefined ? undefined : readFrontmatterData(oldText);
    // The old text counts only when it was a card (a file renamed out of a _ folder was never public), and not a
    // translation of a card the public site did not have (withheld, see audience.ts): dropping its translation_of publishes it.
    const wasPublicText = oldText !== undefined && ctx.isCard(oldRel) && isTextOnPublicSite(old);
    if (wasPublicText && !translatesHiddenCard(old, before)) continue;
    const why =
      change.kind === "added" || oldText === undefined
        ? "This new card has audience: external"
        : wasPublicText
          ? `This card translated ${String(old?.translation_of)}, which the public help center does not have, and no longer does`
          : change.kind === "renamed"
            ? `This card moved from ${oldRel}, where it was not public, and now has audience: external`
            : "This change makes the card public (it was internal or a draft before)";
    findings.push({
      ruleId: "card-published",
      severity: "suggestion",
      file: card.file,
      line: card.fieldLines.audience ?? 1,
      column: 1,
      message: `${why}, so this pull request publishes it on the public help center and in its search. Check that customers may read every line of it; if not, set audience: internal.`,
    });
  }
  // An unchanged external translation of a card this change publishes was withheld with its source, and is published with it.
  const publishedIds = new Set(findings.map((f) => ctx.parsed.get(f.file)?.id));
  const changed = new Set(changeSet.changes.map((c) => ctx.abs(c.path)));
  for (const card of ctx.light) {
    const data = card.data as Record<string, unknown> | undefined;
    const source = data?.translation_of;
    if (typeof source !== "string" || !publishedIds.has(source) || changed.has(card.file) || !isTextOnPublicSite(data)) continue;
    findings.push({
      ruleId: "card-published",
      severity: "suggestion",
      file: card.file,
      line: lineOfKey(card.text, "audience") ?? 1,
      column: 1,
      message: `This card translates ${source}, which this pull request publishes, so it is published with it on the public help center and in its search. Check that customers may read every line of it; if not, set audience: internal.`,
    });
  }
  return findings;
}

interface PublishedCardsContext {
  isCard(rel: string): boolean;
  abs(rel: string): string;
  parsed: ReadonlyMap<string, Card>;
  light: readonly LightCard[];
  inContent(rel: string): string[] | undefined;
}

/** A card's frontmatter by id, before and after the change; null when no card had that id. */
type SourceReader = (id: string) => Record<string, unknown> | null;

/**
 * Who a translation's source was before the change (old texts of changed cards, current texts of the
 * rest) and is now: what the public site decides a translation by (one step of a chain).
 */
function translationSources(changeSet: ChangeSet, ctx: PublishedCardsContext): { before: SourceReader; now: SourceReader } {
  const changedNow = new Set(changeSet.changes.filter((c) => c.kind !== "deleted").map((c) => ctx.abs(c.path)));
  const idOf = (data: Record<string, unknown> | undefined, url: string) => (typeof data?.id === "string" ? data.id : url.slice(1, -1));
  const now: SourceReader = (id) => {
    const card = ctx.light.find((c) => (c.id ?? c.url.slice(1, -1)) === id);
    return card ? ((card.data as Record<string, unknown> | undefined) ?? {}) : null;
  };
  const before: SourceReader = (id) => {
    for (const change of changeSet.changes) {
      const oldRel = change.oldPath ?? change.path;
      const text = change.kind === "added" ? undefined : changeSet.oldTexts.get(oldRel);
      const parts = ctx.inContent(oldRel);
      if (text === undefined || !parts || !ctx.isCard(oldRel)) continue;
      const data = readFrontmatterData(text);
      if (idOf(data, urlOf(parts)) === id) return data ?? {};
    }
    const card = ctx.light.find((c) => !changedNow.has(c.file) && (c.id ?? c.url.slice(1, -1)) === id);
    return card ? ((card.data as Record<string, unknown> | undefined) ?? {}) : null;
  };
  return { before, now };
}

/** True when `data` translates a card (read by `sourceOf`) that is not on the public site: the translation is withheld too. */
function translatesHiddenCard(data: Record<string, unknown> | Card["data"] | undefined, sourceOf: SourceReader): boolean {
  const id = (data as { translation_of?: unknown } | undefined)?.translation_of;
  if (typeof id !== "string") return false;
  const source = sourceOf(id);
  return source !== null && !isTextOnPublicSite(source);
}

/**
 * `file-published`: a change that puts a file on the public help center: a changed card that is on
 * the public site links a file the public site may publish (site/file-audience.ts decides, as for
 * the build) that no public card linked before the change: a new link, a new file, or the files of
 * a card made public. Before the change, the file was published when its card's old text (if the
 * card was public then) or another card that was public then linked it; the other cards are found
 * by the file's name in their text and decided by their links.
 */
export function findPublishedFiles(
  changeSet: ChangeSet,
  ctx: {
    root: string;
    isCard(rel: string): boolean;
    abs(rel: string): string;
    parsed: ReadonlyMap<string, Card>;
    index: CardIndex;
    lightIndex: CardIndex;
    light: readonly LightCard[];
    contentDir: string;
    inContent(rel: string): string[] | undefined;
  },
  history: PublicationHistory = publicationHistory(changeSet, ctx),
): Finding[] {
  const findings: Finding[] = [];
  const decider = createFileAudience(ctx.contentDir, hiddenPagesOf(ctx.index));
  const { oldPublicTexts, assetFiles, publishedBefore } = history;
  for (const change of changeSet.changes) {
    if (change.kind === "deleted" || !ctx.isCard(change.path)) continue;
    const card = ctx.parsed.get(ctx.abs(change.path));
    if (!card || !isOnSite(card, "public")) continue;
    const oldRel = change.oldPath ?? change.path;
    const old = oldPublicTexts.find((o) => o.file === ctx.abs(oldRel));
    const linkedBefore = old ? assetFiles(old, old.text) : new Set<string>();
    const reported = new Set<string>();
    for (const link of card.links) {
      const target = resolveLink(card, link.url, ctx.index);
      if (target.kind !== "asset" || reported.has(target.file) || linkedBefore.has(target.file)) continue;
      if (!decider.verdict(target.file, "public").ok) continue; // file-audience reports it as an error
      reported.add(target.file);
      if (publishedBefore(target.file, old?.file ?? "")) continue;
      const rel = path.relative(ctx.root, target.file).split(path.sep).join("/");
      findings.push({
        ruleId: "file-published",
        severity: "suggestion",
        file: card.file,
        line: link.line,
        column: link.column,
        subject: target.file,
        message: `This pull request publishes the file ${rel} on the public help center: this external card links it, and no public card did before. Check that customers may read all of it; if not, link it from internal cards only.`,
      });
    }
  }
  return findings;
}

/** What publicationHistory reads of the change's project. */
interface HistoryContext {
  isCard(rel: string): boolean;
  abs(rel: string): string;
  lightIndex: CardIndex;
  light: readonly LightCard[];
  inContent(rel: string): string[] | undefined;
}

export interface PublicationHistory {
  /** Old texts of changed cards that were public then. */
  oldPublicTexts: { file: string; url: string; text: string }[];
  /** The files a card text (from `from`'s place) links. */
  assetFiles(from: { file: string; url: string }, text: string): Set<string>;
  /** True when a public card linked `file` before the change (not counting the old text of `except`). */
  publishedBefore(file: string, except: string): boolean;
}

/**
 * What the public help center published before the change, found lazily: the files the old texts
 * of changed public cards link, then those of unchanged public cards that name the file.
 */
export function publicationHistory(changeSet: ChangeSet, ctx: HistoryContext): PublicationHistory {
  const addedFiles = new Set(changeSet.changes.filter((c) => c.kind === "added").map((c) => ctx.abs(c.path)));
  /** Changed card paths now -> their change; and old texts of cards changed, by their old path. */
  const changedNow = new Set(changeSet.changes.filter((c) => c.kind !== "deleted").map((c) => ctx.abs(c.path)));
  const oldPublicTexts: { file: string; url: string; text: string }[] = [];
  for (const change of changeSet.changes) {
    const oldRel = change.oldPath ?? change.path;
    const text = change.kind === "added" ? undefined : changeSet.oldTexts.get(oldRel);
    const parts = ctx.inContent(oldRel);
    if (text === undefined || !parts || !ctx.isCard(oldRel) || !isTextOnPublicSite(readFrontmatterData(text))) continue;
    oldPublicTexts.push({ file: ctx.abs(oldRel), url: urlOf(parts), text });
  }
  const assetFiles = (from: { file: string; url: string }, text: string): Set<string> => {
    const files = new Set<string>();
    let links: CardLink[];
    try {
      links = collectLinks(parseMarkdown(text.replace(/^\uFEFF/, ""), formatOf(from.file)));
    } catch {
      return files; // a text that does not parse published nothing the build could use
    }
    for (const link of links) {
      const target = resolveLink(from as unknown as Card, link.url, ctx.lightIndex);
      if (target.kind === "asset") files.add(target.file);
    }
    return files;
  };
  /** Files public before the change, found lazily: by old texts of changed cards, then by unchanged cards naming the file. */
  const publishedBefore = (file: string, except: string): boolean => {
    if (addedFiles.has(file)) return false;
    for (const old of oldPublicTexts) if (old.file !== except && assetFiles(old, old.text).has(file)) return true;
    const name = path.basename(file);
    const names = [name, encodeURI(name)];
    for (const card of ctx.light) {
      if (changedNow.has(card.file) || card.text === "" || !names.some((n) => card.text.includes(n))) continue;
      if (isTextOnPublicSite(readFrontmatterData(card.text)) && assetFiles(card, card.text).has(file)) return true;
    }
    return false;
  };
  return { oldPublicTexts, assetFiles, publishedBefore };
}

/** A snippet that says `audience: external` now; `oldText` is its text at the base when it said so then too. */
export interface ExternalSnippet {
  name: string;
  file: string;
  text: string;
  oldText: string | undefined;
}

/** Changed snippets that say `audience: external` now (made external, new, or edited while external). */
export function externalSnippetChanges(changeSet: ChangeSet, isSnippet: (rel: string) => boolean, abs: (rel: string) => string): ExternalSnippet[] {
  const found: ExternalSnippet[] = [];
  for (const change of changeSet.changes) {
    if (change.kind === "deleted" || !isSnippet(change.path) || !isRegularFile(abs(change.path))) continue; // the sites read only regular snippet files
    const text = readText(abs(change.path));
    if (readFrontmatterData(text)?.audience !== "external") continue;
    const oldRel = change.oldPath ?? change.path;
    const oldText = change.kind === "added" ? undefined : changeSet.oldTexts.get(oldRel);
    const wasExternal = oldText !== undefined && isSnippet(oldRel) && readFrontmatterData(oldText)?.audience === "external";
    found.push({ name: path.posix.basename(change.path, ".md"), file: abs(change.path), text, oldText: wasExternal ? oldText : undefined });
  }
  return found;
}

/** Snippets whose text says `audience: external` now and did not at the base (or that are new). */
export function snippetsMadeExternal(snippets: readonly ExternalSnippet[]): ExternalSnippet[] {
  return snippets.filter((snippet) => snippet.oldText === undefined);
}

/** The public cards (light readings) that include the snippet `name`. */
function publicCardsIncluding(name: string, light: readonly LightCard[]): LightCard[] {
  const users: LightCard[] = [];
  for (const card of light) {
    if (card.text === "" || !card.text.includes(name) || !isTextOnPublicSite(readFrontmatterData(card.text))) continue;
    let tree;
    try {
      tree = parseMarkdown(card.text.replace(/^\uFEFF/, ""), formatOf(card.file));
    } catch {
      continue; // a card that does not parse is not built
    }
    if (snippetReferences(tree).some((ref) => ref.name === name)) users.push(card);
  }
  return users;
}

function linksOf(text: string, file: string): CardLink[] {
  try {
    return collectLinks(parseMarkdown(text.replace(/^\uFEFF/, ""), formatOf(file)));
  } catch {
    return [];
  }
}

function listed(files: readonly string[]): string {
  return files.length > 5 ? `${files.slice(0, 5).join(", ")} and ${files.length - 5} more` : files.join(", ");
}

/**
 * `file-published` for the files an external snippet links since this change (a new link, or every
 * link of a snippet made external): the public cards that include the snippet publish them with it,
 * unless a public card linked the file before. Reported at the link in the snippet, with the cards.
 */
export function findFilesPublishedBySnippets(snippets: readonly ExternalSnippet[], ctx: HistoryContext & { root: string; contentDir: string }, history: Pick<PublicationHistory, "publishedBefore">): Finding[] {
  const findings: Finding[] = [];
  if (snippets.length === 0) return findings;
  const decider = createFileAudience(ctx.contentDir);
  const { publishedBefore } = history;
  const rel = (file: string) => path.relative(ctx.root, file).split(path.sep).join("/");
  for (const snippet of snippets) {
    const users = publicCardsIncluding(snippet.name, ctx.light);
    if (users.length === 0) continue;
    const before = new Set(snippet.oldText === undefined ? [] : linksOf(snippet.oldText, snippet.file).map((link) => link.url.trim()));
    const reported = new Set<string>();
    for (const link of linksOf(snippet.text, snippet.file)) {
      if (before.has(link.url.trim())) continue;
      for (const card of users) {
        const target = resolveLink(card as unknown as Card, rebaseSnippetUrl(link.url, snippet.file, card.file), ctx.lightIndex);
        if (target.kind !== "asset" || reported.has(target.file)) continue;
        if (!decider.verdict(target.file, "public").ok) continue; // file-audience reports it, at the cards' include lines
        reported.add(target.file);
        if (publishedBefore(target.file, "")) continue;
        const names = users.map((user) => rel(user.file));
        findings.push({
          ruleId: "file-published",
          severity: "suggestion",
          file: snippet.file,
          line: link.line,
          column: link.column,
          subject: target.file,
          message: `This pull request publishes the file ${rel(target.file)} on the public help center: the external snippet "${snippet.name}" links it, and ${names.length === 1 ? "the public card" : `${names.length} public cards`} that include${names.length === 1 ? "s" : ""} it (${listed(names)}) publish${names.length === 1 ? "es" : ""} it; no public card did before. Check that customers may read all of it; if not, link it from internal cards only.`,
        });
      }
    }
  }
  return findings;
}

/**
 * `file-published` for a snippet made external (or a new external snippet) that public cards
 * include: its text is on the public help center with them. Reported at its audience line, with the
 * cards that include it; a snippet no public card includes publishes nothing yet.
 */
export function findPublishedSnippets(snippets: readonly ExternalSnippet[], light: readonly LightCard[], root: string): Finding[] {
  const findings: Finding[] = [];
  for (const snippet of snippets) {
    const users = publicCardsIncluding(snippet.name, light).map((card) => path.relative(root, card.file).split(path.sep).join("/"));
    if (users.length === 0) continue;
    findings.push({
      ruleId: "file-published",
      severity: "suggestion",
      file: snippet.file,
      line: lineOfKey(snippet.text, "audience") ?? 1,
      column: 1,
      subject: snippet.file,
      message: `This change makes the snippet "${snippet.name}" external, so this pull request publishes its text on the public help center in ${users.length === 1 ? "the public card" : `${users.length} public cards`} that include${users.length === 1 ? "s" : ""} it (${listed(users)}). Check that customers may read all of it; if not, keep audience: internal.`,
    });
  }
  return findings;
}

/** The last path segments (decoded) of the card's relative link targets that are not cards. */
export function linkedFileNames(text: string, format: MarkdownFormat): string[] {
  let links: CardLink[];
  try {
    links = collectLinks(parseMarkdown(text.replace(/^\uFEFF/, ""), format));
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const link of links) {
    const url = link.url.trim().replace(/[?#].*$/, "");
    if (url === "" || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url) || /\.mdx?$/i.test(url)) continue;
    const name = safeDecode(url.split("/").pop() ?? "");
    if (name.length >= 3) names.push(name);
  }
  return names;
}
