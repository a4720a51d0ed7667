/**
 * `node scripts/vale-spelling-words.ts <en_US-web.dic>`: writes, from Vale's built-in spelling
 * dictionary (en_US-web, in Vale's repository at internal/spell/data/) and the en_US dictionary of the
 * dictionary-en package (both SCOWL's en_US Hunspell affix rules), the two files that make the second
 * read as the first (see src/core/style/data/NOTICE.md):
 *
 * - src/core/style/data/en_US-web-extra.dic: Vale's entries that dictionary-en does not have;
 * - src/core/style/data/en_US-web-missing.txt: dictionary-en's entries that Vale does not have
 *   (`blockchain`, `hoc`, `interoperate`), left out when the default dictionary is loaded.
 *
 * Entries are compared by word and set of affix flags (the two lists write flags in different orders).
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
const normal = (entry: string) => {
  const slash = entry.indexOf("/");
  return slash < 0 ? entry : `${entry.slice(0, slash)}/${[...entry.slice(slash + 1)].sort().join("")}`;
};
const base = entries(readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve("dictionary-en")), "index.dic"), "utf8"));
const vale = entries(readFileSync(source, "utf8"));
const baseSet = new Set(base.map(normal));
const valeSet = new Set(vale.map(normal));
const extra = vale.filter((line) => !baseSet.has(normal(line)));
const missing = base.filter((line) => !valeSet.has(normal(line)));
const dir = path.join(import.meta.dirname, "..", "src", "core", "style", "data");
writeFileSync(path.join(dir, "en_US-web-extra.dic"), `${extra.length}\n${extra.join("\n")}\n`);
writeFileSync(path.join(dir, "en_US-web-missing.txt"), `${missing.join("\n")}\n`);
process.stdout.write(`en_US-web-extra.dic: ${extra.length} entries; en_US-web-missing.txt: ${missing.length} entries\n`);
