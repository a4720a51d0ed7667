/**
 * Interface text of the sites, one JSON file per language in src/locales/<lang>.json. A team adds a
 * language by adding a file with every key of en.json (a test and the loader check that). Pages
 * read the messages through i18n.ts; this module only loads and checks them.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CheckFailed } from "../core/errors.ts";

export type Messages = Record<string, string>;

export const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "locales");
/** The locale every other one is checked against, and the last fallback. */
export const REFERENCE_LOCALE = "en";

let cached: Record<string, Messages> | undefined;

/** Every locale file, checked: the same keys as en.json, every value text. */
export function loadLocales(dir = LOCALES_DIR): Record<string, Messages> {
  if (cached && dir === LOCALES_DIR) return cached;
  const result: Record<string, Messages> = {};
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const file = path.join(dir, name);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new CheckFailed(`${file}: not valid JSON (${(error as Error).message}).`, "Fix the file: one object of \"key\": \"text\" pairs.");
    }
    if (!data || typeof data !== "object" || Array.isArray(data) || Object.values(data).some((v) => typeof v !== "string")) {
      throw new CheckFailed(`${file}: expected one object whose values are all text.`, "Write it like en.json.");
    }
    result[name.slice(0, -".json".length)] = data as Messages;
  }
  const reference = result[REFERENCE_LOCALE];
  if (!reference) throw new CheckFailed(`${dir} has no ${REFERENCE_LOCALE}.json.`, "Restore it: every other locale is checked against it.");
  for (const [lang, messages] of Object.entries(result)) {
    const missing = Object.keys(reference).filter((key) => !(key in messages));
    const extra = Object.keys(messages).filter((key) => !(key in reference));
    if (missing.length > 0 || extra.length > 0) {
      throw new CheckFailed(
        `${path.join(dir, `${lang}.json`)}: ${missing.length > 0 ? `missing ${missing.join(", ")}` : ""}${missing.length > 0 && extra.length > 0 ? "; " : ""}${extra.length > 0 ? `unknown ${extra.join(", ")}` : ""}.`,
        `Every locale has exactly the keys of ${REFERENCE_LOCALE}.json; translate the missing ones.`,
      );
    }
  }
  if (dir === LOCALES_DIR) cached = result;
  return result;
}

/** The locale for a language tag: exact (`zh-TW`), else its primary language (`zh`), else `fallback`. */
export function pickLocale(lang: string, available: Iterable<string>, fallback = REFERENCE_LOCALE): string {
  const set = new Set(available);
  if (set.has(lang)) return lang;
  const primary = lang.split("-")[0]!;
  return set.has(primary) ? primary : fallback;
}

/** The name of a language in that language itself ("한국어", "日本語"), for the language switcher; `inLang` names it in another language ("Korean"). */
export function languageName(lang: string, inLang = lang): string {
  const key = `${lang} ${inLang}`;
  let name = languageNames.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([inLang], { type: "language" }).of(lang) ?? lang;
    } catch {
      name = lang;
    }
    languageNames.set(key, name);
  }
  return name;
}
const languageNames = new Map<string, string>();
