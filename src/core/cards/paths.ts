/** Which project-relative paths are card files, and the site path a card file gets. */
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { isCardFileName, isHiddenName } from "./discover.ts";

/**
 * `path.relative(dir, file)` with `/` separators. A file plainly inside `dir` (no `.` or empty
 * segment after it) is a slice, which loading thousands of cards does several times per card.
 */
export function relativePosix(dir: string, file: string): string {
  const sep = path.sep;
  let rel: string | undefined;
  if (file.length > dir.length + 1 && file.startsWith(dir) && file[dir.length] === sep && !dir.endsWith(sep)) {
    const rest = file.slice(dir.length + 1);
    if (!rest.startsWith(".") && !rest.includes(`${sep}.`) && !rest.includes(sep + sep) && !rest.endsWith(sep)) rel = rest;
  }
  rel ??= path.relative(dir, file);
  return sep === "/" ? rel : rel.split(sep).join("/");
}

export interface CardPaths {
  /** Path parts under the content folder, or undefined when `rel` is outside it. */
  partsOf(rel: string): string[] | undefined;
  /** True for `<content>/<collection>/.../<name>.md(x)` without hidden (`_`, `.`) parts. */
  isCard(rel: string): boolean;
  /** Site path of a card file: `content/billing/refunds.md` -> `/billing/refunds/`. */
  urlOf(rel: string): string;
}

/** `contentRel`: the content folder relative to the project root, with `/` ("" for the root). */
export function createCardPaths(contentRel: string): CardPaths {
  const partsOf = (rel: string) =>
    contentRel === "" || contentRel === "." ? rel.split("/") : rel.startsWith(`${contentRel}/`) ? rel.slice(contentRel.length + 1).split("/") : undefined;
  return {
    partsOf,
    isCard(rel) {
      const parts = partsOf(rel);
      return parts !== undefined && parts.length >= 2 && parts.every((p) => !isHiddenName(p)) && isCardFileName(parts.at(-1)!);
    },
    urlOf: (rel) => urlOfParts(partsOf(rel) ?? rel.split("/")),
  };
}

/**
 * A card's site path from its path parts under the content folder, in Unicode's composed form
 * (NFC): a file system may hand the same name back decomposed (`e` + U+0301, as macOS writes Hangul
 * and accented names), and the built page is written under the composed path, so two names that
 * differ only so are one URL, which duplicate-id then reports.
 */
export function urlOfParts(parts: readonly string[]): string {
  return `/${parts.join("/").replace(/\.mdx?$/i, "")}/`.normalize("NFC");
}

/**
 * True when writing `file` (which need not exist yet) would put text inside `folder`: compared as
 * written, and again as the file system resolves both (symbolic links followed, and on a
 * case-insensitive file system, the real case), since a write goes through a link to its target.
 */
export function writesInsideFolder(folder: string, file: string): boolean {
  const inside = (dir: string, target: string) => {
    const rel = path.relative(dir, target);
    return rel !== "" && rel.split(path.sep)[0] !== ".." && !path.isAbsolute(rel);
  };
  if (inside(folder, file)) return true;
  // The nearest part of the path that exists, resolved, with the parts still to be made.
  let existing = path.resolve(file);
  const rest: string[] = [];
  while (!existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  try {
    return inside(realpathSync.native(folder), path.join(realpathSync.native(existing), ...rest));
  } catch {
    // No real path: a pipe (`/dev/stdout`, `>(command)` resolve to pipe:[n]), or a part removed meanwhile.
    return false;
  }
}
