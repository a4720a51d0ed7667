/**
 * Vale scopes: `text`, `heading`, `heading.h2`, `paragraph`, `list`, `table.cell`, `blockquote`,
 * `alt`, `raw`, … A rule's scope is a list of options (any may match); an option is parts joined
 * with `&` (all must match); a part starting with `~` is negated. A part matches a block when all
 * of its dotted sections are among the block's scope sections.
 */

export interface Scope {
  /** The scope as written, for messages. */
  text: string;
  /**
   * True when the rule runs on a block with these scope sections. `parent` is the scope of the block
   * an inline block (link, strong, emphasis) sits in, plus its own: negated parts look at it.
   */
  matches(sections: readonly string[], parent?: readonly string[]): boolean;
  /** True when the rule runs on the whole file text (`raw`). */
  isRaw: boolean;
  /** True when the rule runs on the whole prose summary (`summary`). */
  isSummary: boolean;
  /** Scopes named that no Markdown block has (`headng`): they load, as in Vale 3.x, and never match. */
  unknown: readonly string[];
  /** Inline scopes Vale 3 refuses (`link`, `strong`, `emphasis`, `code`; its checkScopes): Verity runs them. */
  refusedByVale: readonly string[];
}

/** The scopes Vale 3's checkScopes refuses with "no longer supported; use 'raw' instead". */
const VALE_INLINE_SCOPES = new Set(["code", "link", "strong", "emphasis"]);

/** Scope sections Verity knows for Markdown. `md` and `mdx` suffixes are allowed and dropped. */
const KNOWN = new Set([
  "text", "heading", "h1", "h2", "h3", "h4", "h5", "h6", "paragraph", "list", "table", "header", "cell", "caption",
  "blockquote", "alt", "attr", "raw", "summary", "link", "strong", "emphasis", "code", "figure", "sentence", "title",
  "comment", "line", "block", "md", "mdx", "markdown", "frontmatter",
]);
const FORMAT_SUFFIX = new Set(["md", "mdx", "markdown"]);
/**
 * The suffixes of the formats Verity reads as HTML (`text.html`, `heading.adoc`): kept as sections,
 * since the blocks of an HTML or AsciiDoc file carry their format's (markup-prose.ts), as Vale's
 * scopes carry the file's extension.
 */
const MARKUP_FORMATS = new Set(["html", "adoc", "rst", "txt"]);
/** Other formats' suffixes (`paragraph.rst`): such a part never matches. */
const OTHER_FORMATS = new Set(["org", "xml", "dita", "tex", "py", "js", "ts", "go", "rb", "java", "c", "cpp", "cs", "rs", "yaml", "json", "css", "sh", "php", "swift", "scala", "r", "jl", "lua", "proto"]);

interface Part {
  sections: string[];
  isNegated: boolean;
  /** True when the part names a section no Markdown block has (another format, an unknown sub-scope). */
  isUnmatchable: boolean;
}

export class ScopeError extends Error {}

/**
 * Parses a rule's `scope` value (a string or a list); throws ScopeError for a scope with a space, as
 * Vale does. `checked` false for a rule type whose Vale constructor does not call checkScopes (a
 * `spelling` rule): any scope loads, and none is noted as one Vale refuses.
 */
export function parseScope(value: string | readonly string[] | undefined, checked = true): Scope {
  const options = value === undefined ? ["text"] : typeof value === "string" ? [value] : [...value];
  const unknown: string[] = [];
  const refusedByVale: string[] = [];
  const parsed: Part[][] = options.map((option) =>
    option.split("&").map((raw) => {
      let text = raw.trim();
      const isNegated = text.startsWith("~");
      if (isNegated) text = text.slice(1);
      // Vale's checkScopes (3.x) refuses only a scope with a space in it, and checks no scope joined with `&`.
      if (checked && !option.includes("&") && text.split(".")[0]!.includes(" ")) throw new ScopeError(`scope "${option}" contains spaces`);
      const sections = text.split(".").filter((s) => s !== "");
      if (checked && !option.includes("&") && VALE_INLINE_SCOPES.has(sections[0] ?? "")) refusedByVale.push(option.trim());
      let isUnmatchable = false;
      // `text.frontmatter.<key>`: the sections after `frontmatter` name a front-matter field (Vale 3.11).
      const fieldAt = sections.indexOf("frontmatter");
      sections.forEach((section, i) => {
        if (fieldAt >= 0 && i > fieldAt) return;
        if (i > 0 && MARKUP_FORMATS.has(section)) return;
        if (i > 0 && OTHER_FORMATS.has(section)) isUnmatchable = true;
        // An unknown scope or sub-scope (`headng`, `list.foo`) loads and, as in
        // Vale's Selector.Contains, no Markdown block Verity reads has it.
        else if (!KNOWN.has(section)) {
          isUnmatchable = true;
          if (i === 0 && !option.includes("&")) unknown.push(option.trim());
        }
      });
      return { sections: sections.filter((s) => !FORMAT_SUFFIX.has(s) && !OTHER_FORMATS.has(s)), isNegated, isUnmatchable };
    }),
  );
  const isRaw = parsed.some((parts) => parts.some((p) => !p.isNegated && p.sections.includes("raw")));
  const isSummary = parsed.some((parts) => parts.some((p) => !p.isNegated && p.sections.includes("summary")));
  return {
    text: options.join(", "),
    isRaw,
    isSummary,
    unknown,
    refusedByVale,
    matches(sections, parent = sections) {
      return parsed.some((parts) =>
        parts.every((part) => {
          if (!part.isNegated) return !part.isUnmatchable && part.sections.every((s) => sections.includes(s));
          if (sections.includes("raw") || sections.includes("summary")) return false;
          return part.isUnmatchable || !part.sections.every((s) => parent.includes(s));
        }),
      );
    },
  };
}

/**
 * The scopes Vale's Manager records for a rule file it loads (check/manager.go addCheck: each
 * option up to its first dot), from the file's `extends` and `scope` as written: a sequence rule's
 * scope is `sentence`, a rule without one `text`. Read for every rule file of a loaded style, even
 * one turned off, since Vale loads it all the same.
 */
export function scopeBases(def: unknown): string[] {
  if (!def || typeof def !== "object" || Array.isArray(def)) return [];
  const entries = Object.entries(def).map(([key, value]) => [key.toLowerCase(), value] as const);
  const get = (key: string) => entries.find(([k]) => k === key)?.[1];
  const scope = get("scope");
  const options: unknown[] = get("extends") === "sequence" ? ["sentence"] : scope === undefined || scope === null ? ["text"] : Array.isArray(scope) ? scope : [scope];
  return options.map((option) => String(option).split(".")[0]!);
}
