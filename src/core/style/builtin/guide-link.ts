/** Links from rules to the human style guide: repository-relative, `style-guide/README.md#<anchor>`. */
export const STYLE_GUIDE_FILE = "style-guide/README.md";

export function guideLink(anchor: string): string {
  return `${STYLE_GUIDE_FILE}#${anchor}`;
}

/** The first `max` characters of a sentence, for quoting it in a message. */
export function quoteStart(text: string, max = 20): string {
  const chars = Array.from(text.replace(/\s+/gu, " ").trim());
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max).join("")}…`;
}
