/**
 * A search result's excerpt as text and highlighted words, never parsed as HTML. Pagefind writes the
 * excerpt as the page's words joined by spaces, `<` and `>` as `&lt;` and `&gt;`, each matched word
 * in `<mark>`, and `&` as it is: a page that says `&lt;b&gt;` (entities written as text) and one that
 * says `<b>` give the same excerpt, and markup for a browser to parse either way. So the words are
 * taken from the result's own text (`content`, what Pagefind indexed) where the excerpt's words are
 * found there in a row, and only the highlights from the excerpt. Where they are not (text Pagefind
 * splits at zero-width spaces, Chinese and Japanese), the excerpt is read back as Pagefind wrote it.
 */

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Pagefind's `word_separators`: the content and its excerpt split into the same words. */
const SEPARATORS = /[^\S\uFEFF]+/;
const MARKED = /^<mark>([^<]*)<\/mark>$/;

/** The excerpt as runs of plain and highlighted text (adjacent runs of one kind joined). */
export function excerptParts(excerpt: string, content: string | undefined): ExcerptPart[] {
  if (excerpt === "") return [];
  const words = excerpt.split(" ").map((word) => {
    const marked = MARKED.exec(word);
    return marked ? { escaped: marked[1]!, mark: true } : { escaped: word, mark: false };
  });
  const own = content === undefined ? undefined : wordsInContent(words.map((w) => w.escaped), content);
  if (!own) return joinParts(readBack(excerpt));
  return joinParts(own.flatMap((text, i) => (i === 0 ? [] : [{ text: " ", mark: false }]).concat({ text, mark: words[i]!.mark })));
}

/** The content's words that the excerpt's (escaped) words are, in a row; undefined when they are not there. */
function wordsInContent(escaped: readonly string[], content: string): string[] | undefined {
  const words = content.split(SEPARATORS).filter((word) => word !== "");
  const n = escaped.length;
  for (let start = 0; start + n <= words.length; start++) {
    let at = 0;
    while (at < n && escapeAngles(words[start + at]!) === escaped[at]) at++;
    if (at === n) return words.slice(start, start + n);
  }
  return undefined;
}

/** The excerpt as Pagefind wrote it: `<mark>` tags as highlights, `&lt;` and `&gt;` as the characters, any other text as it is. */
function readBack(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === "<mark>") mark = true;
    else if (piece === "</mark>") mark = false;
    else if (piece !== "") parts.push({ text: piece.replace(/&lt;/g, "<").replace(/&gt;/g, ">"), mark });
  }
  return parts;
}

function escapeAngles(text: string): string {
  return text.replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function joinParts(parts: readonly ExcerptPart[]): ExcerptPart[] {
  const joined: ExcerptPart[] = [];
  for (const part of parts) {
    const last = joined.at(-1);
    if (last && last.mark === part.mark && !part.mark) last.text += part.text;
    else joined.push({ ...part });
  }
  return joined;
}

/** The excerpt's nodes: text, and `<mark>` elements holding text. */
export function excerptNodes(excerpt: string, content: string | undefined): Node[] {
  return excerptParts(excerpt, content).map((part) => {
    if (!part.mark) return document.createTextNode(part.text);
    const mark = document.createElement("mark");
    mark.textContent = part.text;
    return mark;
  });
}
