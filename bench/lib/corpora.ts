/** Generates each corpus size once into bench/.work/ and reuses it while the generator is unchanged. */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { BenchContext } from "./context.ts";
import { GENERATOR_VERSION, MANIFEST_FILE, writeCorpus, type CorpusManifest } from "./corpus-write.ts";

export function ensureCorpus(ctx: BenchContext, count: number): { dir: string; manifest: CorpusManifest } {
  const known = ctx.corpora.get(count);
  if (known) return known;
  const dir = path.join(ctx.workDir, `corpus-${count}`);
  const { seed, today } = ctx.options;
  let manifest = readManifest(dir);
  if (manifest && manifest.count === count && manifest.seed === seed && manifest.today === today && manifest.generator === GENERATOR_VERSION) {
    refreshStyleGuide(ctx.repoRoot, dir);
    ctx.log(`corpus ${count}: reusing ${path.relative(ctx.repoRoot, dir)}`);
  } else {
    const started = performance.now();
    manifest = writeCorpus({ count, seed, today, out: dir, repoRoot: ctx.repoRoot });
    ctx.log(`corpus ${count}: generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const entry = { dir, manifest };
  ctx.corpora.set(count, entry);
  return entry;
}

function readManifest(dir: string): CorpusManifest | undefined {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as CorpusManifest;
  } catch {
    return undefined;
  }
}

/** The style guide changes more often than the generator: copy the current one on every run. */
function refreshStyleGuide(repoRoot: string, dir: string): void {
  for (const name of [".vale.ini", "style-guide"]) {
    rmSync(path.join(dir, name), { recursive: true, force: true });
    if (existsSync(path.join(repoRoot, name))) cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true });
  }
}

/** Card files of a corpus, sorted: the same file set every tool is given. */
export function listCardFiles(dir: string): string[] {
  const contentDir = path.join(dir, "content");
  const files: string[] = [];
  for (const collection of readdirSorted(contentDir)) {
    if (collection.startsWith("_") || collection.startsWith(".")) continue;
    for (const name of readdirSorted(path.join(contentDir, collection))) {
      if (name.endsWith(".md") && !name.startsWith("_") && !name.startsWith(".")) files.push(path.join(contentDir, collection, name));
    }
  }
  return files;
}

function readdirSorted(dir: string): string[] {
  try {
    if (!statSync(dir).isDirectory()) return [];
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
