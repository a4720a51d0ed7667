/**
 * Every file has an audience: whether a non-card file (image, PDF, text, anything) may be copied
 * into a site. Lint (rule `file-audience`) and the build (site-data.ts) ask the same question here.
 *
 * A file may be published on the **internal** wiki when it is a regular file (not a symbolic link,
 * nor a hard link: a file with other names may be one outside the repository) whose real path is
 * its own path inside the content folder, outside any `.` folder. It may be
 * published on the **public** help center when, in addition, an external published card uses it
 * (the caller passes only such cards' files), no folder or file name on its path starts with `_`
 * or `.`, and its collection is not internal-only: a collection whose `_collection.yml` sets
 * `defaults.audience: internal` (or does not parse, so its intent is unknown). Nor may its path
 * name a page only the wiki has (see {@link HiddenPages}): the public copy's address
 * `/_files/<path under content>` would publish the folder of an internal card (`help/escalation/shot.png`
 * names `/help/escalation/`), the name of a collection without public cards, the wiki's own page
 * (`health/`) or a tag page only the wiki has (`tags/secret-ops/`).
 */
import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";
import { isOnSite, type SiteName, type SiteSelection } from "./audience.ts";
import { collectSitePages, foldedAddress, hostFoldedAddress, type CardIndex, type SitePages } from "./links.ts";
import type { Card } from "../cards/load.ts";
import { loadCollection } from "../cards/collections.ts";
import { isCardFileName, isInside } from "../cards/discover.ts";
import { reservedPageSites } from "./reserved-paths.ts";
import { specialFileKind } from "./attachment-read.ts";
import type { Finding } from "../lint/findings.ts";

export type FileVerdict = { ok: true; sitePath: string } | { ok: false; reason: string; fix: string };

export interface FileAudience {
  /** May `file` (absolute) be copied into `site`? */
  verdict(file: string, site: SiteName): FileVerdict;
  /** True when the collection folder `name` is internal-only (an internal default, or a `_collection.yml` that does not load). */
  isInternalCollection(name: string): boolean;
  /** What the collection's `_collection.yml` says of its cards' audience: an internal default, none, or it does not load. */
  collectionDefault(name: string): CollectionDefault;
}

export type CollectionDefault = "internal" | "none" | "invalid";

/**
 * Pages only the wiki has, which a public file's path may not name: cards (by URL or alias) the
 * public site does not have, and collections with cards but none public. Asked one folder at a
 * time, so that a re-lint of one edited card, whose other cards are stubs read on demand
 * (lint/run-delta.ts), reads only the cards a file's folders name.
 */
export interface HiddenPages {
  /** Whether the page at this site path (`/help/escalation/`) is a card only the wiki has. */
  isHiddenCard(url: string): boolean;
  /** How messages name such a card (default: `the internal card <url>`). */
  cardLabel?(url: string): string;
  /** Whether the collection has cards but none on the public site; undefined when only part of the cards is loaded (`lint --changed`). */
  isHiddenCollection(name: string): boolean | undefined;
  /** How messages name such a collection (default: `the collection /<name>/ (no public cards)`). */
  collectionLabel?(name: string): string;
  /** Whether the tag page at this site path (`/tags/secret-ops/`) is the wiki's only (its tag only cards the public site lacks carry). */
  isHiddenTag(url: string): boolean | undefined;
}

/**
 * The hidden pages of a card index (the same audience decision lint makes). A folder names a page in
 * any letter case, as links and addresses do (links.ts reads `/help/Escalation/` as the card
 * `/help/escalation/`): `help/Escalation/shot.png` publishes the internal card's name all the same.
 *
 * A build passes its `selection` (audience.ts, {@link siteSelectionOf}): a card the help center
 * withholds (expired under `expiredPublicCards: withhold`, a translation of a hidden card) is then a
 * page only the wiki has too, and so is a collection or tag whose only public cards are withheld.
 * Lint, which decides audiences only, passes none.
 */
export function hiddenPagesOf(index: Pick<CardIndex, "byUrl" | "byUrlLower" | "pages"> & Partial<Pick<CardIndex, "byFile">>, selection?: SiteSelection): HiddenPages {
  let collectionsLower: Map<string, readonly SiteName[]> | undefined;
  let tagsLower: Map<string, SiteName[]> | undefined;
  let selected: SitePages | undefined;
  // The card last asked about, so that a message's label reads it again without another lookup.
  let last: { url: string; card: Card | undefined } | undefined;
  const cardAt = (url: string): Card | undefined => {
    if (last?.url !== url) last = { url, card: index.byUrl.get(url) ?? index.byUrlLower.get(url.toLowerCase()) };
    return last.card;
  };
  // With a selection, the pages of the cards it selects (read once, on first use); lint's index otherwise.
  const pagesOf = (): SitePages | undefined => {
    if (!selection || !index.pages || !index.byFile) return index.pages;
    return (selected ??= collectSitePages([...index.byFile.values()], selection));
  };
  return {
    isHiddenTag: (url) => {
      const pages = pagesOf();
      if (!pages) return undefined;
      if (!tagsLower) {
        tagsLower = new Map();
        for (const [page, on] of pages.tags) {
          const lower = foldedAddress(page);
          tagsLower.set(lower, [...(tagsLower.get(lower) ?? []), ...on]);
        }
      }
      const sites = tagsLower.get(foldedAddress(url));
      return sites !== undefined && !sites.includes("public");
    },
    isHiddenCard: (url) => {
      const card = cardAt(url);
      return card !== undefined && !isOnSite(card, "public", selection);
    },
    cardLabel: (url) => {
      const card = cardAt(url);
      return card && isOnSite(card, "public") ? `the card ${url} (the help center withholds it)` : `the internal card ${url}`;
    },
    isHiddenCollection: (name) => {
      const pages = pagesOf();
      if (!pages) return undefined;
      const key = name.normalize("NFC");
      let sites = pages.collections.get(key);
      if (sites === undefined) {
        if (!collectionsLower) {
          collectionsLower = new Map();
          for (const [collection, on] of pages.collections) {
            const lower = foldedAddress(collection);
            collectionsLower.set(lower, [...new Set([...(collectionsLower.get(lower) ?? []), ...on])]);
          }
        }
        sites = collectionsLower.get(key.toLowerCase());
      }
      return sites !== undefined && !sites.includes("public");
    },
  };
}

/** A decider for the files of one content folder; it reads each `_collection.yml` once. */
export function createFileAudience(contentDir: string, hidden?: HiddenPages): FileAudience {
  const defaults = new Map<string, CollectionDefault>();
  let realContent: string | undefined;
  const collectionDefault = (name: string): CollectionDefault => {
    let known = defaults.get(name);
    if (known === undefined) {
      const problems: Finding[] = [];
      const collection = loadCollection(contentDir, name, problems);
      known = problems.length > 0 ? "invalid" : collection.defaults.audience === "internal" ? "internal" : "none";
      defaults.set(name, known);
    }
    return known;
  };
  const isInternalCollection = (name: string): boolean => collectionDefault(name) !== "none";
  const verdict = (file: string, site: SiteName): FileVerdict => {
    const abs = path.resolve(file);
    if (!isInside(abs, contentDir)) {
      return { ok: false, reason: "it is outside the content folder", fix: "Move the file into the card's collection folder and link it from there" };
    }
    const parts = path.relative(contentDir, abs).split(path.sep);
    const sitePath = `/_files/${parts.join("/")}`;
    if (isCardFileName(parts.at(-1)!)) return { ok: false, reason: "it is a card file, not an attachment", fix: "Link the card itself" };
    if (parts.some((part) => part.startsWith("."))) {
      return { ok: false, reason: "it is in a hidden (.) folder, which is never published", fix: "Move the file into the card's collection folder" };
    }
    let stat;
    try {
      stat = lstatSync(abs);
    } catch {
      return { ok: false, reason: "it does not exist", fix: "Fix the path" };
    }
    if (stat.isSymbolicLink()) {
      return { ok: false, reason: "it is a symbolic link, and links are never followed into a site", fix: "Replace the link with the real file" };
    }
    if (!stat.isFile()) return { ok: false, reason: `it is not a regular file (${specialFileKind(stat)})`, fix: "Link a file" };
    if (stat.nlink > 1) {
      return { ok: false, reason: `it is a hard link (the same file has ${stat.nlink - 1} other name(s), which may be outside the content folder)`, fix: "Replace it with a copy of the file" };
    }
    try {
      realContent ??= realpathSync(contentDir);
      if (path.relative(realContent, realpathSync(abs)) !== parts.join(path.sep)) {
        return { ok: false, reason: "it is reached through a linked folder", fix: "Move the real folder into the content folder" };
      }
    } catch {
      return { ok: false, reason: "it cannot be read", fix: "Fix the path" };
    }
    if (site === "internal") return { ok: true, sitePath };
    if (parts.some((part) => part.startsWith("_"))) {
      return {
        ok: false,
        reason: "it is in a folder or has a name starting with _, which is internal-only",
        fix: "Move the file out of the _ folder (e.g. next to this card) if customers may see it, or link it from an internal card only",
      };
    }
    if (parts.length > 1 && isInternalCollection(parts[0]!)) {
      return {
        ok: false,
        reason: `it lives in the internal-only collection ${parts[0]} (its _collection.yml sets defaults.audience: internal)`,
        fix: "Copy the file into a public collection if customers may see it, or link it from an internal card only",
      };
    }
    const page = hidden && hiddenPageOnPath(parts, hidden);
    if (page) {
      return {
        ok: false,
        reason: `its public address ${sitePath} would name ${page}, which only the wiki has`,
        fix: "Move the file next to the external card (or into another public folder) if customers may see it, or link it from internal cards only",
      };
    }
    return { ok: true, sitePath };
  };
  return { verdict, isInternalCollection, collectionDefault };
}

/**
 * The page only the wiki has that a page's own site path is or lies under, if any: a public page at
 * `/desk/refund-override/` (a redirect from a card's old address) names the collection `/desk/`
 * when it has no public cards, as one at `/Desk/` itself does (its name in other letter case), and
 * one at `/help/escalation/old-steps/` the internal card `/help/escalation/`. The public site builds
 * no page there.
 */
export function hiddenPageAbove(sitePath: string, hidden: HiddenPages): string | undefined {
  const parts = sitePath.split("/").filter(Boolean);
  return parts.length > 0 ? hiddenPageOnPath([...parts, "index.html"], hidden) : undefined;
}

function decodedName(part: string): string {
  try {
    return part.includes("%") ? decodeURIComponent(part) : part;
  } catch {
    return part;
  }
}

/**
 * The hidden page a file's folders name, if any: `help/escalation/` of an internal card, a collection
 * without public cards, a page of the sites' own only the wiki has (`health/`), or a tag page only the
 * wiki has (`tags/secret-ops/`). A folder names the page percent-decoded, and without the dots and spaces ending its name.
 */
function hiddenPageOnPath(written: readonly string[], hidden: HiddenPages): string | undefined {
  // Windows drops the dots and spaces that end a folder's name: `escalation./` is deployed as `escalation/` there.
  // A folder named `%65scalation` is `escalation` to a host that decodes the address once more.
  // A folder in another form of the same letters (`escalatıon`, `ｅscalation`) is the same folder to some hosts and to the leak check.
  const parts = written.map((part, i) => (i < written.length - 1 ? hostFoldedAddress(decodedName(part).replace(/[. ]+$/, "") || part) : part));
  if (parts.length > 1 && hidden.isHiddenCollection(parts[0]!)) return hidden.collectionLabel?.(parts[0]!) ?? `the collection /${parts[0]}/ (no public cards)`;
  const reserved = parts.length > 1 ? reservedPageSites(parts[0]!) : undefined;
  if (reserved && !reserved.includes("public")) return `the page /${parts[0]}/`;
  if (parts.length > 2 && parts[0]!.toLowerCase() === "tags" && hidden.isHiddenTag(`/tags/${parts[1]}/`)) return `the tag page /tags/${parts[1]}/ (a tag only the wiki's cards carry)`;
  for (let i = 2; i < parts.length; i++) {
    const folder = `/${parts.slice(0, i).join("/")}/`.normalize("NFC");
    if (hidden.isHiddenCard(folder)) return hidden.cardLabel?.(folder) ?? `the internal card ${folder}`;
  }
  return undefined;
}
