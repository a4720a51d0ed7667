/**
 * The rule files use only Vale's own keys and values, so real Vale accepts them too, and Verity's
 * loader compiles every one of them (no rule is skipped).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadStyleSet } from "../../src/core/style/rule-loader.ts";
import { loadValeConfig } from "../../src/core/style/vale-ini.ts";
import { REPO_ROOT } from "./builtin-context.ts";

const STYLE_DIR = path.join(REPO_ROOT, "style-guide/styles/Verity");
const ruleFiles = readdirSync(STYLE_DIR).filter((name) => name.endsWith(".yml"));

/** Vale's rule keys: common to every type, then per type (vale.sh/docs/checks). */
const COMMON_KEYS = ["extends", "message", "level", "scope", "link", "limit", "ignorecase", "nonword", "action", "tokens", "description"];
const TYPE_KEYS: Record<string, string[]> = {
  existence: ["raw", "exceptions", "append", "vocab"],
  substitution: ["swap", "exceptions", "vocab", "capitalize"],
  occurrence: ["max", "min", "token"],
  repetition: ["alpha"],
  consistency: ["either"],
  conditional: ["first", "second", "exceptions"],
  capitalization: ["match", "style", "exceptions", "indicators", "threshold", "prefix", "vocab"],
  metric: ["formula", "condition"],
};
const SCOPES = /^~?(?:text|heading(?:\.h[1-6])?|paragraph|list|table(?:\.header|\.cell)?|blockquote|alt|raw|summary|sentence)$/;

describe.each(ruleFiles)("Verity/%s", (name) => {
  const rule = parse(readFileSync(path.join(STYLE_DIR, name), "utf8")) as Record<string, unknown>;

  it("uses only Vale keys and values", () => {
    const type = rule.extends as string;
    expect(Object.keys(TYPE_KEYS)).toContain(type);
    for (const key of Object.keys(rule)) expect([...COMMON_KEYS, ...TYPE_KEYS[type]!], `${name}: unknown key ${key}`).toContain(key);
    expect(["suggestion", "warning", "error"]).toContain(rule.level);
    expect(typeof rule.message).toBe("string");
    const scopes = rule.scope === undefined ? [] : Array.isArray(rule.scope) ? rule.scope : [rule.scope];
    for (const scope of scopes as string[]) expect(scope).toMatch(SCOPES);
    if (rule.action !== undefined) expect(["replace", "remove", "edit", "suggest"]).toContain((rule.action as { name: string }).name);
    if (type === "metric") expect(rule.condition).toMatch(/^[<>=!]=? ?\d+\.\d+$/);
  });
});

describe(".vale.ini", () => {
  it("points at the style guide and loads every Verity rule without skipping one", () => {
    const config = loadValeConfig(path.join(REPO_ROOT, ".vale.ini"));
    const styles = loadStyleSet(config);
    expect(styles.warnings).toEqual([]);
    for (const name of ruleFiles) expect(styles.rules.has(`Verity.${name.replace(/\.yml$/, "")}`), name).toBe(true);
    expect(styles.vocabulary.accept).toContain("Lumen Payments");
    expect(styles.vocabulary.reject).toContain("whitelist");
  });
});
