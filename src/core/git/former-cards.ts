/**
 * Cards gone from the content folder (deleted, or renamed away) that were not public when last
 * committed: their addresses are the wiki's past. A public card may keep such an address as an alias
 * (url-removed asks for the old URL of a renamed card, internal or not), but on the help center a
 * redirect there would publish the internal card's name, which the leak check cannot see (its
 * needles are today's cards). Read from the one `git log` the build reads anyway (card-history.ts)
 * and one `git cat-file --batch`; unknown in a shallow clone or outside git.
 */
import { existsSync } from "node:fs";
import { CheckFailed } from "../errors.ts";
import path from "node:path";
import { isTextOnPublicSite } from "../site/audience.ts";
import { createCardPaths } from "../cards/paths.ts";
import { readFrontmatterData } from "../lint/changed-text.ts";
import { batchInput, readBatchAnswer } from "./cat-file.ts";
import { realRoot } from "./changes.ts";
import { childProcess } from "./child-process.ts";
import { getRepositoryInfo, type HistoryCommit } from "./history.ts";
import type { HiddenPages } from "../site/file-audience.ts";
import { foldedAddress, normaliseSitePath, type CardIndex } from "../site/links.ts";



export interface RemovedCard {
  /** Path relative to the project root when it was removed. */
  path: string;
  /** Its site path then. */
  url: string;
  /** The revision that still has it: the parent of the commit that removed it. */
  rev: string;
}

/**
 * The card files the history (oldest commit first) removed and that are not back at that path, by
 * their last removal, and the cards HEAD has that the working tree no longer has (deleted or moved
 * and not committed yet: a build from that tree must not publish their address either). `contentRel`
 * is the content folder relative to the project root.
 */
export function removedCards(commits: readonly HistoryCommit[], root: string, contentRel: string): RemovedCard[] {
  const paths = createCardPaths(contentRel === "." ? "" : contentRel);
  const removed = new Map<string, RemovedCard>();
  const atHead = new Set<string>();
  for (const commit of commits) {
    for (const change of commit.changes) {
      const gone = change.kind === "deleted" ? change.path : change.kind === "renamed" ? change.oldPath : undefined;
      if (gone !== undefined) atHead.delete(gone);
      if (gone !== undefined && paths.isCard(gone)) removed.set(gone, { path: gone, url: paths.urlOf(gone), rev: `${commit.hash}^` });
      if (change.kind !== "deleted") {
        removed.delete(change.path);
        atHead.add(change.path);
      }
    }
  }
  for (const file of atHead) if (paths.isCard(file)) removed.set(file, { path: file, url: paths.urlOf(file), rev: "HEAD" });
  return [...removed.values()].filter((card) => !existsSync(path.join(root, card.path)));
}

/** The site paths of removed cards that were not public when last committed, with the card's old path. */
export async function formerlyHiddenCards(root: string, removed: readonly RemovedCard[]): Promise<Map<string, string>> {
  const hidden = new Map<string, string>();
  if (removed.length === 0) return hidden;
  const { topLevel } = await getRepositoryInfo(root);
  if (!topLevel) return hidden;
  // git names the top folder by its real path: a project reached through a linked folder is found by its own.
  const fromTop = path.relative(topLevel, realRoot(root)).split(path.sep).join("/");
  const input = batchInput((i) => removed[i]!.rev, removed.map((card) => card.path), fromTop);
  let out: Buffer;
  try {
    out = childProcess().execFileSync("git", ["cat-file", "--batch"], { cwd: root, input, maxBuffer: 1 << 30, stdio: ["pipe", "pipe", "pipe"] });
  } catch (error) {
    // Nothing would then say which old addresses name internal cards: no alias may be published on a guess.
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim().split("\n")[0];
    throw new CheckFailed(
      `git could not read the last versions of ${removed.length} removed card(s) (git cat-file: ${stderr || (error as Error).message}), so the build cannot tell whether the public site's aliases name internal cards.`,
      "Check that git works in this repository (git status), then build again.",
    );
  }
  // The collection of each removed card, and those of which a removed card was public: its page was the help center's.
  const hiddenCollections = new Map<string, string>();
  const publicCollections = new Set<string>();
  readBatchAnswer(out, removed.length).forEach((text, i) => {
    const data = text === undefined ? undefined : readFrontmatterData(text);
    const collection = `/${removed[i]!.url.split("/")[1]}/`;
    // A revision git cannot read is taken as hidden: nothing says the help center had the page.
    if (text !== undefined && isTextOnPublicSite(data)) return void publicCollections.add(foldedAddress(collection));
    hiddenCollections.set(collection, removed[i]!.path);
    hidden.set(removed[i]!.url, removed[i]!.path);
    // Its aliases were the wiki's redirects only, as a current internal card's are (hiddenPagesOf).
    const aliases = Array.isArray(data?.aliases) ? data.aliases.filter((alias): alias is string => typeof alias === "string") : [];
    for (const alias of aliases) if (!hidden.has(normaliseSitePath(alias))) hidden.set(normaliseSitePath(alias), removed[i]!.path);
  });
  // A collection none of whose removed cards was public was a page only the wiki had, as long as it has no cards today (withFormerCards).
  for (const [collection, card] of hiddenCollections) if (!publicCollections.has(foldedAddress(collection)) && !hidden.has(collection)) hidden.set(collection, card);
  return hidden;
}

/**
 * The hidden pages, and the addresses of cards that were not public when removed (`former`, from
 * {@link formerlyHiddenCards}); a card that has such an address now decides it, and a collection
 * that has cards now (`/help/`) is decided by them: only a collection gone from the wiki's pages
 * (no card in it today) is hidden for what its removed cards were.
 */
export function withFormerCards(hidden: HiddenPages, former: ReadonlyMap<string, string> | undefined, index: Pick<CardIndex, "byUrlLower" | "pages">): HiddenPages {
  if (!former || former.size === 0) return hidden;
  // In any letter case and Unicode form: git may hold a name decomposed (committed from macOS), card URLs are composed.
  const lower = new Set([...former.keys()].map(foldedAddress));
  // A card's own URL (the index also holds aliases: the alias asked about is one).
  const isNow = (url: string) => index.byUrlLower.get(foldedAddress(url))?.url.toLowerCase() === foldedAddress(url);
  // Collections with cards today; with only part of the cards loaded, every former collection is taken to have some.
  const collectionsNow = index.pages ? new Set([...index.pages.collections.keys()].map(foldedAddress)) : undefined;
  const isFormerCollection = (name: string) => collectionsNow !== undefined && lower.has(foldedAddress(`/${name}/`)) && !collectionsNow.has(foldedAddress(name));
  const isFormer = (url: string) => {
    const parts = url.split("/").filter(Boolean);
    if (parts.length === 1) return isFormerCollection(parts[0]!);
    return lower.has(foldedAddress(url)) && !isNow(url) && !hidden.isHiddenCard(url);
  };
  return {
    ...hidden,
    isHiddenCard: (url) => hidden.isHiddenCard(url) || isFormer(url),
    cardLabel: (url) => (isFormer(url) ? formerLabel(url) : (hidden.cardLabel?.(url) ?? `the internal card ${url}`)),
    isHiddenCollection: (name) => (isFormerCollection(name) ? true : hidden.isHiddenCollection(name)),
    collectionLabel: (name) => (isFormerCollection(name) ? formerLabel(`/${name}/`) : (hidden.collectionLabel?.(name) ?? `the collection /${name}/ (no public cards)`)),
  };
}

function formerLabel(url: string): string {
  return url.split("/").filter(Boolean).length === 1 ? `the collection ${url}, whose cards were not public when they were removed` : `the card ${url}, internal when it was removed`;
}
