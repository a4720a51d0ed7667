/**
 * `node scripts/vale-spelling-words.ts <en_US-web.dic>`: writes src/core/style/data/en_US-web-extra.dic,
 * the entries of Vale's built-in spelling dictionary (en_US-web, in Vale's repository at
 * internal/spell/data/) that the en_US dictionary of the dictionary-en package does not have, with
 * the same affix flags (both are SCOWL's en_US Hunspell affix rules). Vale.Spelling loads both, so
 * it accepts the words Vale accepts. See src/core/style/data/NOTICE.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const source = process.argv[2];
if (!source) {
  process.stderr.write("usage: node scripts/vale-spelling-words.ts <path of Vale's en_US-web.dic>\n");
  process.exit(2);
}
const entries = (text: string) => text.split(/\r?\n/).slice(1).filter((line) => line.trim() !== "");
const base = new Set(entries(readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve("dictionary-en")), "index.dic"), "utf8")));
const extra = entries(readFileSync(source, "utf8")).filter((line) => !base.has(line));
const out = path.join(import.meta.dirname, "..", "src", "core", "style", "data", "en_US-web-extra.dic");
writeFileSync(out, `${extra.length}\n${extra.join("\n")}\n`);
process.stdout.write(`${path.relative(process.cwd(), out)}: ${extra.length} entries\n`);
