/**
 * Vale scopes: `text`, `heading`, `heading.h2`, `paragraph`, `list`, `table.cell`, `blockquote`,
 * `alt`, `raw`, … A rule's scope is a list of options (any may match); an option is parts joined
 * with `&` (all must match); a part starting with `~` is negated. A part matches a block when all
 * of its dotted sections are among the block's scope sections.
 */

export interface Scope {
  /** The scope as written, for messages. */
  text: string;
  matches(sections: readonly string[]): boolean;
  /** True when the rule runs on the whole file text (`raw`). */
  isRaw: boolean;
  /** True when the rule runs on the whole prose summary (`summary`). */
  isSummary: boolean;
}

/** Scope sections Verity knows for Markdown. `md` and `mdx` suffixes are allowed and dropped. */
const KNOWN = new Set([
  "text", "heading", "h1", "h2", "h3", "h4", "h5", "h6", "paragraph", "list", "table", "header", "cell", "caption",
  "blockquote", "alt", "attr", "raw", "summary", "link", "strong", "emphasis", "code", "figure", "sentence", "title",
  "comment", "line", "block", "md", "mdx", "markdown",
]);
const FORMAT_SUFFIX = new Set(["md", "mdx", "markdown"]);

interface Part {
  sections: string[];
  isNegated: boolean;
}

export class ScopeError extends Error {}

/** Parses a rule's `scope` value (a string or a list); throws ScopeError for unknown names. */
export function parseScope(value: string | readonly string[] | undefined): Scope {
  const options = value === undefined ? ["text"] : typeof value === "string" ? [value] : [...value];
  const parsed: Part[][] = options.map((option) =>
    option.split("&").map((raw) => {
      let text = raw.trim();
      const isNegated = text.startsWith("~");
      if (isNegated) text = text.slice(1);
      const sections = text.split(".").filter((s) => s !== "");
      for (const section of sections) {
        if (!KNOWN.has(section)) throw new ScopeError(`unknown scope "${option}"`);
      }
      return { sections: sections.filter((s) => !FORMAT_SUFFIX.has(s)), isNegated };
    }),
  );
  const isRaw = parsed.some((parts) => parts.some((p) => !p.isNegated && p.sections.includes("raw")));
  const isSummary = parsed.some((parts) => parts.some((p) => !p.isNegated && p.sections.includes("summary")));
  return {
    text: options.join(", "),
    isRaw,
    isSummary,
    matches(sections) {
      return parsed.some((parts) =>
        parts.every((part) => {
          const contained = part.sections.every((s) => sections.includes(s));
          if (!part.isNegated) return contained;
          if (sections.includes("raw") || sections.includes("summary")) return false;
          return !contained;
        }),
      );
    },
  };
}

/** True when the scope needs Vale's sentence segmentation, which Verity does not run. */
export function usesSentenceScope(value: string | readonly string[] | undefined): boolean {
  const options = value === undefined ? [] : typeof value === "string" ? [value] : value;
  return options.some((o) => o.split(/[.&~]/).includes("sentence"));
}
