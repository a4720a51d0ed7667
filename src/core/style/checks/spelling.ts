/**
 * `spelling`: Hunspell dictionaries through nspell, as Vale runs them. Words come from Vale's word
 * tokenizer (white space, then leading `$ ( " [ '` and trailing `, ) " ] ! ; . ? : '` peeled off;
 * `U.S.` and `Dr.` kept whole); a word matching a filter is skipped (Vale's defaults skip camel
 * case, words ending in capitals and anything that is not ASCII letters, `_` or `'`, unless
 * `custom: true`); a word is correct when a dictionary has it as written or in lower case, when it
 * is a number, hex or binary number or a hash, when an ignore file lists it, or when it matches an
 * accepted vocabulary term (case-insensitive, as a whole word within it: Vale wraps each term in
 * `\b…\b` unless it has a `\b` of its own, so `te` does not accept `Gatewaty`).
 *
 * Dictionaries: en_US by default (the `dictionary-en` package, with the words Vale's built-in
 * en_US-web list adds, see data/NOTICE.md); `dic`/`aff` paths; or
 * `dictionaries: [name]` looked up in `dicpath` and `<StylesPath>/config/dictionaries`, with
 * `append: true` to keep en_US as well. A dictionary is read once per run, when first used.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError } from "../../errors.ts";
import { statFollowing } from "../follow-links.ts";
import { onFirstUse } from "../../load-on-use.ts";
import type { ProseBlock } from "../prose.ts";
import type { RawAlert } from "../rule-types.ts";
import { buildPhrases, compilePattern, said, readBoolean, readString, readStrings, type CompileContext, type RuleDefinition } from "./common.ts";

interface Speller {
  correct(word: string): boolean;
}

/** The spell checker (and its dictionary code) is loaded only when a spelling rule runs. */
const loadNspell = onFirstUse<typeof import("nspell").default>("nspell");

const DEFAULT_FILTERS = [String.raw`[A-Z]{1}[a-z]+[A-Z]+\w+`, "[A-Z]+$", "[^a-zA-Z_']"];
const dictionaryCache = new Map<string, Speller>();
/** Words whose verdict a spelling rule keeps at once. */
const MAX_REMEMBERED_WORDS = 100_000;

/**
 * en_US from the dictionary-en package made into Vale's own en_US-web dictionary (same affix rules;
 * see data/NOTICE.md): without the entries Vale does not have (`hoc`, `blockchain`), with those it
 * has and dictionary-en does not, so the default accepts exactly the words Vale accepts.
 */
function defaultDictionaryFiles(): { aff: string; dic: string; extra: string; missing: string } {
  const dir = path.dirname(createRequire(import.meta.url).resolve("dictionary-en"));
  return {
    aff: path.join(dir, "index.aff"),
    dic: path.join(dir, "index.dic"),
    extra: fileURLToPath(new URL("../data/en_US-web-extra.dic", import.meta.url)),
    missing: fileURLToPath(new URL("../data/en_US-web-missing.txt", import.meta.url)),
  };
}

function loadDictionary(aff: string, dic: string, extra?: string, missing?: string): Speller {
  const key = `${aff}\0${dic}\0${extra ?? ""}\0${missing ?? ""}`;
  let speller = dictionaryCache.get(key);
  if (!speller) {
    let base = readFileSync(dic, "utf8").trimEnd();
    if (missing) {
      const left = new Set(readFileSync(missing, "utf8").split(/\r?\n/));
      base = base.split(/\r?\n/).filter((line, i) => i === 0 || !left.has(line)).join("\n");
    }
    // One .dic text: nspell's dictionary() breaks the compound rules (ordinals) when called twice.
    const words = extra ? `${base}\n${readFileSync(extra, "utf8").replace(/^[^\n]*\n/, "")}` : base;
    speller = loadNspell()(readFileSync(aff), words);
    dictionaryCache.set(key, speller);
  }
  return speller;
}

export function compileSpelling(def: RuleDefinition, ctx: CompileContext): (block: ProseBlock) => RawAlert[] {
  const message = readString(def, "message") ?? "Did you really mean '%s'?";
  const filters = [...readStrings(def, "filters"), ...(readBoolean(def, "custom") ? [] : DEFAULT_FILTERS)].map((f) => compilePattern(f, ctx, ""));
  const accepted = ctx.accepted.filter((t) => t.trim() !== "");
  const except = accepted.length > 0 ? compilePattern(wholeWordTerms(accepted), ctx, "") : undefined;
  // Vale #1035: an accepted multi-word term is accepted as a phrase; its words alone are still checked.
  const phrases = buildPhrases([], accepted, ctx);
  const dictionaries = resolveDictionaries(def, ctx);
  // A rule's own ignore files are found now (a path that is a folder is an error, as in Vale);
  // Vale.Spelling's, every config/ignore/**/*.txt, only when it first checks a word: Vale reads
  // them only when the built-in rules are used, and a run without Vale.Spelling must not fail on them.
  const ruleIgnoreFiles = ctx.name === "Vale.Spelling" ? undefined : ignoreFiles(def, ctx);
  let ignored: Set<string> | undefined;
  let spellers: Speller[] | undefined;
  const isCorrect = (word: string) => {
    ignored ??= readIgnored(ruleIgnoreFiles ?? configIgnoreFiles(ctx));
    if (ignored.has(word) || ignored.has(word.toLowerCase())) return true;
    if (/^([0-9]+[.,-]?)+$/.test(word) || /^0?x[0-9A-Fa-f]+$/.test(word) || /^0b[01]+$/.test(word) || /^[0-9a-z]{40}$/.test(word)) return true;
    spellers ??= dictionaries.map((d) => {
      try {
        return loadDictionary(d.aff, d.dic, d.extra, d.missing);
      } catch (error) {
        throw new ConfigError(`${ctx.file}: rule ${ctx.name} (spelling): the dictionary ${d.dic} cannot be read: ${(error as Error).message}.`, "Check that dic and aff are a Hunspell dictionary pair.");
      }
    });
    const lower = word.toLowerCase();
    const units = /^[0-9]+([a-zA-Z]+)$/.exec(word)?.[1];
    return spellers.some((s) => s.correct(word) || (lower !== word && s.correct(lower)) || (units !== undefined && s.correct(units)));
  };
  // A word's verdict never changes within a run, and most words recur from card to card: each is
  // looked up in the dictionaries once (bounded, for a project with very many distinct words).
  const verdicts = new Map<string, boolean>();
  const isKnown = (word: string) => {
    let verdict = verdicts.get(word);
    if (verdict === undefined) {
      verdict = isCorrect(word);
      if (verdicts.size >= MAX_REMEMBERED_WORDS) verdicts.clear();
      verdicts.set(word, verdict);
    }
    return verdict;
  };
  return (block) => {
    const alerts: RawAlert[] = [];
    // The phrases' text is blanked out (same length, so every other word keeps its offset).
    const text = phrases ? block.text.replace(phrases, (phrase) => " ".repeat(phrase.length)) : block.text;
    for (const { word, start } of tokenizeWords(text)) {
      if (filters.some((f) => f.test(word))) continue;
      if (isKnown(word)) continue;
      if (except?.test(word)) continue;
      alerts.push({ start, end: start + word.length, ...said(message, word) });
    }
    return alerts;
  };
}

/**
 * Vale's addExceptions: `(?i)` and every accepted term as `\bterm\b` (whole words, not substrings),
 * unless the term places a `\b` itself. The wrapped terms share one pair of boundaries,
 * `\b(?:a|b)\b`, which matches where one of them matched with its own pair: a Unicode word
 * boundary is two lookarounds, and 2,000 terms with a pair each made a 400 KB pattern that took
 * V8 2 s to build.
 */
function wholeWordTerms(accepted: readonly string[]): string {
  const hasOwnBoundary = (term: string) => term.startsWith("\\b") || term.endsWith("\\b");
  const wrapped = accepted.filter((term) => !hasOwnBoundary(term)).map((term) => `(?:${term})`);
  const own = accepted.filter(hasOwnBoundary).map((term) => `(?:${term})`);
  const alternatives = [...(wrapped.length > 0 ? [`\\b(?:${wrapped.join("|")})\\b`] : []), ...own];
  return `(?i)(?:${alternatives.join("|")})`;
}

function resolveDictionaries(def: RuleDefinition, ctx: CompileContext): { aff: string; dic: string; extra?: string; missing?: string }[] {
  const configDir = ctx.stylesPath ? path.join(ctx.stylesPath, "config", "dictionaries") : undefined;
  const find = (name: string | undefined) => {
    if (!name) return undefined;
    return [path.resolve(ctx.configDir ?? ".", name), ctx.stylesPath && path.join(ctx.stylesPath, name), configDir && path.join(configDir, name)].find((p): p is string => !!p && existsSync(p));
  };
  const aff = find(readString(def, "aff"));
  const dic = find(readString(def, "dic"));
  if (aff && dic) return [{ aff, dic }];
  if (readString(def, "aff") || readString(def, "dic")) {
    throw new ConfigError(`${ctx.file}: rule ${ctx.name} (spelling): the dictionary files "${readString(def, "dic") ?? ""}" and "${readString(def, "aff") ?? ""}" were not found.`, "Give both dic and aff, as paths relative to the .vale.ini folder or to StylesPath/config/dictionaries.");
  }
  const names = readStrings(def, "dictionaries");
  const dicpath = readString(def, "dicpath");
  let dirs = configDir ? [configDir] : [];
  if (dicpath) {
    const dir = [path.resolve(ctx.configDir ?? ".", dicpath), ctx.stylesPath && path.join(ctx.stylesPath, dicpath)].find((p): p is string => !!p && existsSync(p) && statSync(p).isDirectory());
    if (!dir) throw new ConfigError(`${ctx.file}: rule ${ctx.name} (spelling): dicpath "${dicpath}" is not a folder.`);
    dirs = [dir];
  }
  if (names.length === 0) {
    // Vale 3 (makeSpeller, rulePath "internal"): the built-in Vale.Spelling also loads every *.dic
    // in StylesPath/config/dictionaries, with its .aff, in name order.
    if (ctx.name !== "Vale.Spelling" || !configDir || !existsSync(configDir)) return [defaultDictionaryFiles()];
    const extra = readdirSync(configDir)
      .filter((f) => f.endsWith(".dic"))
      .sort()
      .map((f) => {
        const aff = path.join(configDir, `${f.slice(0, -4)}.aff`);
        if (!existsSync(aff)) throw new ConfigError(`${ctx.file}: rule ${ctx.name} (spelling): the dictionary ${path.join(configDir, f)} has no ${path.basename(aff)} next to it.`, "Vale loads every dictionary in StylesPath/config/dictionaries: add its .aff file or remove the .dic file.");
        return { aff, dic: path.join(configDir, f) };
      });
    return [defaultDictionaryFiles(), ...extra];
  }
  const found = names.map((name) => {
    for (const dir of dirs) {
      const a = path.join(dir, `${name}.aff`);
      const d = path.join(dir, `${name}.dic`);
      if (existsSync(a) && existsSync(d)) return { aff: a, dic: d };
    }
    if (name === "en_US") return defaultDictionaryFiles();
    throw new ConfigError(`${ctx.file}: rule ${ctx.name} (spelling): the dictionary "${name}" was not found (${name}.dic and ${name}.aff in ${dirs.join(" or ") || "dicpath"}).`);
  });
  return readBoolean(def, "append") ? [defaultDictionaryFiles(), ...found] : found;
}

/**
 * Vale.Spelling's ignore files: every `<StylesPath>/config/ignore/**\/*.txt` that is a file (a
 * folder named `x.txt` is no word list), in name order.
 */
function configIgnoreFiles(ctx: CompileContext): string[] {
  const dir = ctx.stylesPath ? path.join(ctx.stylesPath, "config", "ignore") : undefined;
  if (!dir || !existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".txt"))
    .map((f) => path.join(dir, f))
    .filter((f) => statFollowing(f)?.isFile())
    .sort();
}

/**
 * A rule's `ignore:` files, as Vale's NewSpelling looks for each: relative to the .vale.ini's folder
 * (Vale's first place is the working folder, the same folder when Vale runs from there), to StylesPath
 * and to StylesPath/config/ignore; every one of them that exists is read, and one that is a folder is
 * an error (Vale fails reading it).
 */
function ignoreFiles(def: RuleDefinition, ctx: CompileContext): string[] {
  const files: string[] = [];
  for (const ignore of readStrings(def, "ignore")) {
    const candidates = [path.resolve(ctx.configDir ?? ".", ignore), ctx.stylesPath && path.join(ctx.stylesPath, ignore), ctx.stylesPath && path.join(ctx.stylesPath, "config", "ignore", ignore)];
    for (const candidate of new Set(candidates)) {
      const stat = candidate ? statFollowing(candidate) : undefined;
      if (!candidate || !stat) continue;
      if (!stat.isFile()) {
        throw new ConfigError(`${ctx.file}: rule ${ctx.name} (spelling): the ignore file "${ignore}" is a folder (${candidate}), not a word list.`, "Give the path of a file with one word a line, relative to the .vale.ini folder, to StylesPath or to StylesPath/config/ignore.");
      }
      files.push(candidate);
    }
  }
  return files;
}

/** The words of ignore files: one a line, trimmed; as Vale's word lists, an empty line and a lone `#` are none. */
function readIgnored(files: readonly string[]): Set<string> {
  const ignored = new Set<string>();
  for (const file of files) {
    for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
      const word = line.trim();
      if (word !== "" && word !== "#") ignored.add(word);
    }
  }
  return ignored;
}

const SPECIAL = /^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$/;
/** Vale's emoticons (internal/nlp/var.go): kept whole, as words, when they hold a letter (`(o:`, `O_o`). */
const EMOTICONS = new Set([
  "(-8", "(-;", "(-_-)", "(._.)", "(:", "(=", "(o:", "(¬_¬)", "(ಠ_ಠ)", "(╯°□°）╯︵┻━┻", "-__-", "8-)", "8-D", "8D", ":(", ":((", ":(((",
  ":()", ":)))", ":-)", ":-))", ":-)))", ":-*", ":-/", ":-X", ":-]", ":-o", ":-p", ":-x", ":-|", ":-}", ":0", ":3", ":P", ":]", ":`(",
  ":`)", ":`-(", ":o", ":o)", "=(", "=)", "=D", "=|", "@_@", "O.o", "O_o", "V_V", "XDD", "[-:", "^___^", "o_0", "o_O", "o_o", "v_v",
  "xD", "xDD", "¯\\(ツ)/¯",
]);
const PREFIXES = ["$", "(", '"', "[", "'"];
const SUFFIXES = [",", ")", '"', "]", "!", ";", ".", "?", ":", "'"];

/** Vale's word tokenizer (nlp.IterTokenizer) with each word's index in `text`. */
export function tokenizeWords(text: string): { word: string; start: number }[] {
  const clean = text.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'");
  const words: { word: string; start: number }[] = [];
  for (const match of clean.matchAll(/\S+/g)) {
    let token = match[0];
    let start = match.index;
    for (;;) {
      if (SPECIAL.test(token) || EMOTICONS.has(token)) break;
      if (PREFIXES.some((p) => token.length > p.length && token.startsWith(p))) {
        token = token.slice(1);
        start++;
      } else if (SUFFIXES.some((s) => token.length > s.length && token.endsWith(s))) token = token.slice(0, -1);
      else break;
    }
    if (/\p{L}/u.test(token)) words.push({ word: token, start });
  }
  return words;
}
