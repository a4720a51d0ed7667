/**
 * Vale's globs (`internal/glob`), for `.vale.ini` section names and `--glob`: a pattern that holds
 * `**` is matched by doublestar, where `*` stays within one folder and `**` is any number of folders;
 * any other pattern by gobwas/glob compiled without separators, against the whole path, so `*` and `?`
 * reach across folders (`docs/*.md` matches `docs/a/b.md`, `*.md` any Markdown file) and a name alone
 * (`README.md`) is the file of that path only, not a file of that name in a folder.
 *
 * gobwas syntax: `*`, `?`, `[abc]`, `[a-z]`, `[!abc]`, `{a,b}` (nested too, and a set of one, `{md}`),
 * `\c` for a literal `c`. Matching is linear in the path for each alternative (no backtracking regex),
 * and a pattern may spell at most {@link MAX_ALTERNATIVES} alternatives.
 */
import picomatch from "picomatch";

const MAX_ALTERNATIVES = 1024;
const MAX_PATTERN_LENGTH = 4096;

type Token =
  | { kind: "char"; ch: string }
  | { kind: "any" }
  | { kind: "star" }
  | { kind: "class"; negated: boolean; items: [string, string][] };

/**
 * Throws when the glob is not one Vale accepts (an unclosed `[` or `{`). A leading `!` (or several)
 * negates the whole glob, as Vale's NewGlob reads it: `[!*.txt]` is every file but text files.
 */
export function valeGlobMatcher(glob: string): (posixPath: string) => boolean {
  if (glob.length > MAX_PATTERN_LENGTH) throw new Error(`longer than ${MAX_PATTERN_LENGTH} characters`);
  const negated = glob.startsWith("!");
  const pattern = glob.replace(/^!+/, "");
  if (pattern.includes("**")) {
    const re = doublestarRegExp(pattern);
    return (p) => re.test(p) !== negated;
  }
  const alternatives = parseGobwas(pattern);
  return (p) => {
    const chars = Array.from(p);
    return alternatives.some((tokens) => matchTokens(tokens, chars)) !== negated;
  };
}

/** doublestar's syntax through picomatch (`dot`: doublestar does not hide dotfiles). */
export function doublestarRegExp(glob: string): RegExp {
  const unclosed = /\[[^\]]*$/.test(glob) ? "[" : (glob.match(/\{/g)?.length ?? 0) > (glob.match(/\}/g)?.length ?? 0) ? "{" : undefined;
  if (unclosed) throw new Error(`unclosed ${unclosed}`);
  // A brace set of one item (`{md}`) is a set to doublestar; picomatch (like a shell) leaves a brace
  // without a comma as text, so it becomes an extglob group first. doublestar negates a class with `!`
  // as with `^`; picomatch reads `[!_]` as "`!` or `_`" (Qiskit's `[!_]**.{md,rst}` matched no page).
  const classes = literalExtglobs(segmentStars(glob)).replace(/(^|[^\\])\[!/g, "$1[^");
  return picomatch.makeRe(classes.replace(/\{([^{},]*)\}/g, "@($1)"), { dot: true });
}

/**
 * doublestar's syntax is `*`, `**`, `?`, `[…]`, `{…}` and `\` only: `(`, `)`, `|`, `+`, `@` and `!`
 * outside a class are the path's own characters (a Next.js route group, `app/(docs)/**`), which
 * picomatch would read as groups and extglobs, so they are escaped.
 */
function literalExtglobs(glob: string): string {
  return glob.replace(/\\.|\[(?:\\.|[^\]])+\]|[()|+@!]/g, (run) => (run.length === 1 ? `\\${run}` : run.startsWith("[") ? literalPosix(run) : run));
}

/**
 * doublestar v4.6.0 has no POSIX classes: in `[[:alpha:]]` the class is `[`, `:`, `a`, `l`, `p`, `h`,
 * closed by the first `]`, and the second `]` is the path's own. picomatch reads `[:…:]` inside a class
 * as a POSIX class, so a class's `[` and `:` are escaped.
 */
function literalPosix(klass: string): string {
  return klass[0] + klass.slice(1).replace(/\\.|[[:]/g, (run) => (run.length === 1 ? `\\${run}` : run));
}

/**
 * doublestar reads `**` as any number of folders only when it is a whole path segment; inside a name
 * it is a `*` (`docs/**.md` is `docs/*.md`, as in bash's globstar), where picomatch would cross folders.
 */
function segmentStars(glob: string): string {
  return glob.replace(/\\.|\*{2,}/g, (run: string, at: number) => {
    if (run.startsWith("\\")) return run;
    const wholeSegment = (at === 0 || glob[at - 1] === "/") && (at + run.length === glob.length || glob[at + run.length] === "/");
    return run.length === 2 && wholeSegment ? run : "*";
  });
}

/** The pattern's alternatives (its `{…}` sets spelled out), each a list of tokens. */
function parseGobwas(glob: string): Token[][] {
  const chars = Array.from(glob);
  let pos = 0;

  // A sequence until `stop` (`,` or `}` inside a set) or the end: its alternatives.
  const parseSequence = (inSet: boolean): Token[][] => {
    let alternatives: Token[][] = [[]];
    const append = (tokens: Token[]) => {
      for (const alt of alternatives) alt.push(...tokens);
    };
    while (pos < chars.length) {
      const ch = chars[pos]!;
      if (inSet && (ch === "," || ch === "}")) break;
      pos++;
      if (ch === "\\") {
        if (pos >= chars.length) throw new Error("pattern ends in an escape");
        append([{ kind: "char", ch: chars[pos++]! }]);
      } else if (ch === "*") append([{ kind: "star" }]);
      else if (ch === "?") append([{ kind: "any" }]);
      else if (ch === "[") append([parseClass()]);
      else if (ch === "{") {
        const options: Token[][] = [];
        for (;;) {
          options.push(...parseSequence(true));
          if (pos >= chars.length) throw new Error("unclosed {");
          if (chars[pos++] === "}") break;
        }
        const next: Token[][] = [];
        for (const alt of alternatives) {
          for (const option of options) {
            next.push([...alt, ...option]);
            if (next.length > MAX_ALTERNATIVES) throw new Error(`more than ${MAX_ALTERNATIVES} alternatives`);
          }
        }
        alternatives = next;
      } else append([{ kind: "char", ch }]);
    }
    return alternatives;
  };

  const parseClass = (): Token => {
    let negated = false;
    if (chars[pos] === "!") {
      negated = true;
      pos++;
    }
    const items: [string, string][] = [];
    while (pos < chars.length && chars[pos] !== "]") {
      let lo = chars[pos++]!;
      if (lo === "\\") {
        if (pos >= chars.length) break;
        lo = chars[pos++]!;
      }
      let hi = lo;
      if (chars[pos] === "-" && pos + 1 < chars.length && chars[pos + 1] !== "]") {
        pos++;
        hi = chars[pos++]!;
        if (hi === "\\" && pos < chars.length) hi = chars[pos++]!;
      }
      items.push([lo, hi]);
    }
    if (pos >= chars.length) throw new Error("unclosed [");
    pos++;
    if (items.length === 0) throw new Error("empty character class");
    return { kind: "class", negated, items };
  };

  const alternatives = parseSequence(false);
  if (pos < chars.length) throw new Error(`unexpected ${chars[pos]}`);
  return alternatives;
}

function matchOne(token: Token, ch: string): boolean {
  switch (token.kind) {
    case "char":
      return token.ch === ch;
    case "any":
      return true;
    case "class": {
      const cp = ch.codePointAt(0)!;
      const inside = token.items.some(([lo, hi]) => cp >= lo.codePointAt(0)! && cp <= hi.codePointAt(0)!);
      return inside !== token.negated;
    }
    case "star":
      return false;
  }
}

/** Whole-string wildcard match, `*` any run of characters: greedy with one backtrack point, O(n·m). */
function matchTokens(tokens: readonly Token[], text: readonly string[]): boolean {
  let t = 0;
  let s = 0;
  let starAt = -1;
  let starText = 0;
  while (s < text.length) {
    const token = tokens[t];
    if (token !== undefined && token.kind === "star") {
      starAt = t++;
      starText = s;
    } else if (token !== undefined && matchOne(token, text[s]!)) {
      t++;
      s++;
    } else if (starAt >= 0) {
      t = starAt + 1;
      s = ++starText;
    } else return false;
  }
  while (tokens[t]?.kind === "star") t++;
  return t === tokens.length;
}
