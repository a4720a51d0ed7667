/**
 * The site paths Verity's own pages and files use, besides cards and collections: the one list
 * that link resolution (links.ts), the card loader, the frontmatter schema (aliases) and the site
 * builder (site-data.ts) read; and which paths a card or an alias may have at all.
 */
import type { SiteName } from "./audience.ts";
import { serverProcessedExtension } from "./attachment-safety.ts";

/** Files at the root of every site (src/pages, src/build/integration.ts): a folder of the same name cannot be written beside them. */
const SITE_ROOT_FILES = ["index.html", "404.html", "feed.xml", "llms.txt", "favicon.ico", "favicon.svg", "og-image.png", "_headers"];

/** First path segments the sites use for their own pages and files; no collection may take them. */
export const RESERVED_PATHS: ReadonlySet<string> = new Set(["tags", "search", "search-data", "health", "pagefind", "404", "robots.txt", "sitemap.xml", "_files", "_astro", ...SITE_ROOT_FILES]);

/**
 * Which sites have a page or file under each reserved first segment (tag pages are decided per tag).
 * A Map, not an object: a path's first segment is the author's text, and an object would find
 * `constructor` or `__proto__` in it (the Object function, its prototype) as a reserved page.
 */
const RESERVED_ON: ReadonlyMap<string, readonly SiteName[]> = new Map<string, readonly SiteName[]>([
  ["tags", ["public", "internal"]],
  ["search", ["public", "internal"]],
  ["health", ["internal"]],
  ["pagefind", ["public", "internal"]],
  ["404", ["public", "internal"]],
  ["robots.txt", ["public", "internal"]],
  ["sitemap.xml", ["public"]],
  ["_astro", ["public", "internal"]],
  ...SITE_ROOT_FILES.map((name): [string, readonly SiteName[]] => [name, ["public", "internal"]]),
]);

/** True when the reserved first segment `first` is a single page or file (`/search/`, `/feed.xml`), with nothing below it. */
export function isSinglePage(first: string): boolean {
  return ["search", "health", "404", "robots.txt", "sitemap.xml", ...SITE_ROOT_FILES].includes(first.toLowerCase());
}

/**
 * True when a collection folder name (or a path's first segment) would clash with a reserved path:
 * in any letter case, and without the dots and spaces ending it, which Windows drops (a public
 * `tags./payments/` page is written over the tag page `tags/payments/` there).
 */
export function isReservedName(name: string): boolean {
  return RESERVED_PATHS.has((name.replace(/[. ]+$/, "") || name).toLowerCase());
}

/** The sites that have the reserved page `first` (a first path segment), or undefined when `first` is not reserved. */
export function reservedPageSites(first: string): readonly SiteName[] | undefined {
  return RESERVED_ON.get(first.toLowerCase());
}

/** Why the collection folder `name` cannot be a collection, with the fix; undefined when it can. */
export function reservedCollectionProblem(contentDir: string, name: string): { message: string; fix: string } | undefined {
  if (!isReservedName(name)) return undefined;
  return {
    message: `The collection folder ${contentDir}/${name}/ would have the URL /${name}/, which the sites use for their own pages.`,
    fix: `Rename the folder; these names are reserved: ${[...RESERVED_PATHS].join(", ")}.`,
  };
}

/**
 * Why a card at `segments` (collection, folders and file name without its extension) cannot have
 * the URL `/<segments>/`, or undefined. A `%` makes the URL ambiguous (`a%20b` is read as `a b`),
 * a name ending in `.md` or `.mdx` takes the address of another page's Markdown copy
 * (`a.md.md` is `/a.md/`, where `a.md`'s copy `/a.md` is written), and `index.html` is the file of
 * the folder's own page.
 */
export function cardPathProblem(segments: readonly string[]): string | undefined {
  const url = `/${segments.join("/")}/`;
  if (segments.some((segment) => segment.includes("%"))) return `The card's URL ${url} holds a %, which makes it ambiguous (browsers read %20 as a space). Rename the file or folder without %`;
  const name = segments.at(-1) ?? "";
  if (/^index\.html?$/i.test(name)) {
    return `The card's URL ${url} has the name ${name}, the file of the page /${segments.slice(0, -1).join("/")}${segments.length > 1 ? "/" : ""} itself. Rename the file`;
  }
  // The Markdown copy is a file named after the card (`shell.php.md`), which holds its code blocks as written.
  const processed = serverProcessedExtension(`${name}.md`);
  if (processed) {
    return `The card's URL ${url} has .${processed} in its name: its Markdown copy ${name}.md holds the card's code as written, and a web server that runs (or processes server-side includes in) any name with .${processed} in it would do so with it. Rename the file without .${processed} (use -${processed})`;
  }
  for (const segment of segments) {
    const ext = /\.(mdx?)$/i.exec(segment)?.[1]?.toLowerCase();
    if (ext) {
      const copyOf = `/${[...segments.slice(0, segments.indexOf(segment)), segment.slice(0, -ext.length - 1)].join("/")}/`;
      return `The card's URL ${url} has a name that ends in .${ext}: it takes the address of the Markdown copy of ${copyOf}. Rename the file or folder without the inner .${ext}`;
    }
  }
  return undefined;
}

/**
 * Why an alias (an old URL, a site path starting with `/`) cannot be served as a redirect page, or
 * undefined. It is written as the browser shows it: no percent-encoding, query, fragment,
 * backslash or `.`/`..` segment, not one of the sites' own paths nor a name starting with `_` at the root
 * (hosts' configuration files), and not a Markdown copy's address.
 */
export function aliasProblem(alias: string): string | undefined {
  if (alias.includes("%")) {
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(alias);
    } catch {
      decoded = undefined;
    }
    const suggestion = decoded && decoded !== alias && /^\/\S*$/.test(decoded) && !decoded.includes("%") ? `: ${decoded}` : "";
    return `the alias ${alias} is percent-encoded; write it as the browser shows it${suggestion}`;
  }
  if (/[?#]/.test(alias)) return `the alias ${alias} has a ? or #; an alias is a path, and a query or fragment cannot have a page of its own`;
  if (alias.includes("\\")) return `the alias ${alias} has a backslash; write the path with /`;
  // `//host/x/` is another host to a browser (a protocol-relative URL) wherever the address is written out.
  if (alias.includes("//")) return `the alias ${alias} has an empty segment (//); write the path with single slashes, e.g. ${alias.replace(/\/{2,}/g, "/")}`;
  const segments = alias.split("/").filter(Boolean);
  if (segments.some((segment) => segment === "." || segment === "..")) return `the alias ${alias} has a ".." or "." segment; write the path it stands for`;
  if (segments.length === 0) return "the alias / is the home page";
  // Its redirect page is a folder of that name: a longer one stops the build with ENAMETOOLONG.
  const bytes = (segment: string) => new TextEncoder().encode(segment.normalize("NFC")).length;
  const long = segments.find((segment) => bytes(segment) > 255);
  if (long) return `the alias ${alias.length > 80 ? `${alias.slice(0, 80)}…` : alias} has a name of ${bytes(long)} bytes; file systems allow at most 255 in a folder name, so its redirect page could not be written. Shorten it`;
  if (isReservedName(segments[0]!)) return `the alias ${alias} is one of the sites' own paths (${segments[0]}), so it cannot redirect to a card`;
  // Its redirect page is a folder at the site's root: Netlify and Cloudflare Pages read names starting with _ there as their own (a _worker.js folder is run as the site's Worker).
  if (segments[0]!.startsWith("_")) return `the alias ${alias} starts with _, which the sites and their hosts keep for their own files (_headers, _redirects, _worker.js, _routes.json); a card's own URL never starts with _ either`;
  const ext = /\.(mdx?)$/i.exec(segments.at(-1)!)?.[1];
  if (ext) return `the alias ${alias} ends in .${ext}, where the sites serve cards' Markdown copies (a card's URL with .md); write the old page's URL without .${ext}`;
  // The redirect page is written where the page's address says (`/a.md/index.html`, `/a.md.html` and `/a.md/old/` are
  // in a folder a.md): a folder of the name of another page's Markdown copy, which stopped the build when the copy was written.
  const folders = alias.replace(/\/index\.html?$/i, "/").replace(/\.html?$/i, "/").split("/").filter(Boolean);
  const inner = folders.findIndex((segment) => /\.mdx?$/i.test(segment));
  if (inner >= 0) {
    const folder = folders[inner]!;
    const folderExt = folder.slice(folder.lastIndexOf(".") + 1);
    const copyOf = `/${[...folders.slice(0, inner), folder.slice(0, -folderExt.length - 1)].join("/")}/`;
    return `the alias ${alias} has a folder named ${folder}, where the sites serve the Markdown copy of ${copyOf}; write the old page's URL without .${folderExt}`;
  }
  return undefined;
}
