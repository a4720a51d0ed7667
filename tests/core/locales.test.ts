/** The sites' interface text: every locale file has every key of en.json, and the loader says which are missing. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadLocales, LOCALES_DIR, pickLocale } from "../../src/build/locales.ts";
import { makeTempDir, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

describe("locale files", () => {
  it("cover en, ko, zh and ja, each with exactly the keys of en.json and no empty text", () => {
    const locales = loadLocales();
    expect(Object.keys(locales).sort()).toEqual(expect.arrayContaining(["en", "ja", "ko", "zh"]));
    const keys = Object.keys(locales.en!).sort();
    for (const file of readdirSync(LOCALES_DIR).filter((f) => f.endsWith(".json"))) {
      const messages = JSON.parse(readFileSync(path.join(LOCALES_DIR, file), "utf8")) as Record<string, string>;
      expect(Object.keys(messages).sort(), file).toEqual(keys);
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), `${file} ${key}`).not.toBe("");
        // The same {slots} as English, so no value is lost in translation.
        expect(text.match(/\{\w+\}/g)?.sort() ?? [], `${file} ${key}`).toEqual(locales.en![key]!.match(/\{\w+\}/g)?.sort() ?? []);
      }
    }
  });

  it("refuses a locale with a missing key, naming the file and the key", () => {
    const dir = makeTempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "en.json"), JSON.stringify({ a: "A", b: "B" }));
    writeFileSync(path.join(dir, "fr.json"), JSON.stringify({ a: "A" }));
    expect(() => loadLocales(dir)).toThrow(/fr\.json: missing b/);
  });

  it("picks a locale by exact tag, then primary language, then the fallback", () => {
    expect(pickLocale("zh-TW", ["en", "zh"])).toBe("zh");
    expect(pickLocale("ko", ["en", "ko"])).toBe("ko");
    expect(pickLocale("fr", ["en", "ko"], "ko")).toBe("ko");
  });
});
