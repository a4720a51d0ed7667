/** Vale vocabularies (`Vocab = A, B`): accepted and rejected terms, as Vale's loadVocab reads them. */
import { readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors.ts";
import { searchedIn, type ValeConfig } from "./vale-ini.ts";
import { readStyleText, statFollowing } from "./follow-links.ts";

export interface Vocabulary {
  accept: string[];
  reject: string[];
}

/**
 * Reads `Vocab = A, B`: `<StylesPath>/config/vocabularies/<A>/{accept,reject}.txt` (Vale 3), or
 * `<StylesPath>/Vocab/<A>/…` (Vale 2), and the lists of the same names in every folder below it, as
 * Vale's loadVocab walks the vocabulary's folder (OpenSearch keeps `Vocab/OpenSearch/Words/accept.txt`).
 * Lines starting with `# ` (a hash and a space) are comments.
 */
export function loadVocabulary(config: ValeConfig): Vocabulary {
  const vocabulary: Vocabulary = { accept: [], reject: [] };
  for (const name of config.vocab) {
    // As Vale's loadVocab: the first search folder that has it as a folder; Vale 2's `Vocab/<Name>`
    // (which Vale 3 does not know) only when no search folder has `config/vocabularies/<Name>`.
    const candidates = [...config.searchPaths.map((folder) => path.join(folder, "config", "vocabularies", name)), ...config.searchPaths.map((folder) => path.join(folder, "Vocab", name))];
    const dir = candidates.find((d) => statFollowing(d)?.isDirectory() === true);
    if (!dir) throw new ConfigError(`${config.file}: the vocabulary "${name}" was not found${config.searchPaths.length > 0 ? searchedIn(config) : ""}.`, `Create ${config.stylesPath ?? "<StylesPath>"}/config/vocabularies/${name}/accept.txt (and reject.txt).`);
    for (const [kind, file] of wordLists(dir)) {
      const stat = statFollowing(file);
      if (!stat) continue;
      // Vale fails here too ("is a directory"): say which path, and what it should be.
      if (!stat.isFile()) throw new ConfigError(`${file} is a folder, not a word list: Vale reads ${kind}.txt as a file with one term a line.`, `Rename or remove the folder, and put the ${kind}ed terms in a file ${kind}.txt.`);
      for (const line of readStyleText(file).split(/\r?\n/)) {
        // As Vale's addWordList: a line is trimmed, and only an empty one or one starting with
        // "# " is no term (`#channel` is a term).
        const term = line.trim();
        if (term !== "" && !term.startsWith("# ")) vocabulary[kind].push(term);
      }
    }
  }
  return vocabulary;
}

/** Folders below a vocabulary read at most this deep (a link back up would otherwise never end). */
const MAX_DEPTH = 32;

/** Each `accept.txt` and `reject.txt` in `dir` and the folders below it (links followed), in Go's filepath.Walk order. */
function wordLists(dir: string): ["accept" | "reject", string][] {
  const out: ["accept" | "reject", string][] = [];
  const seen = new Set<string>();
  const walk = (folder: string, depth: number) => {
    let real: string;
    try {
      real = realpathSync(folder);
    } catch {
      return;
    }
    if (seen.has(real) || depth > MAX_DEPTH) return;
    seen.add(real);
    let entries: string[];
    try {
      entries = readdirSync(folder).sort(byBytes);
    } catch (error) {
      throw new ConfigError(`${folder}: the vocabulary's folder cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`, "Check that the folder and the folders in it are readable.");
    }
    // As filepath.Walk: a folder's entries in name order, a subfolder walked where its name sorts.
    for (const entry of entries) {
      const child = path.join(folder, entry);
      if (entry === "accept.txt" || entry === "reject.txt") out.push([entry === "accept.txt" ? "accept" : "reject", child]);
      else if (statFollowing(child)?.isDirectory()) walk(child, depth + 1);
    }
  };
  walk(dir, 0);
  return out;
}

/** Go's string order (byte-wise, as filepath.Walk sorts names), not the locale's. */
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
