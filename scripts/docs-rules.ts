/** `npm run docs:rules`: writes the rule tables of docs/rules.md from the rule registry. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RULES_DOC, updateRuleTables } from "../src/core/lint/rules-doc.ts";

const file = path.join(import.meta.dirname, "..", RULES_DOC);
const before = readFileSync(file, "utf8");
const after = updateRuleTables(before);
if (after !== before) writeFileSync(file, after);
process.stdout.write(after === before ? `${RULES_DOC}: rule tables already up to date.\n` : `${RULES_DOC}: rule tables updated.\n`);
