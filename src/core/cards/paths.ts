/** Which project-relative paths are card files, and the site path a card file gets. */
import { isCardFileName, isHiddenName } from "./discover.ts";

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

/** A card's site path from its path parts under the content folder. */
export function urlOfParts(parts: readonly string[]): string {
  return `/${parts.join("/").replace(/\.mdx?$/i, "")}/`;
}
