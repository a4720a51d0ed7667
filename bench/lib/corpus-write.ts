/** Writes a planned corpus as a complete Verity project folder. */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeCardFile } from "./card-body.ts";
import { planCorpus, type PlanOptions, type PlannedCard } from "./corpus-plan.ts";
import { TOPICS } from "./topics.ts";

export const MANIFEST_FILE = "bench-corpus.json";

export interface CorpusManifest extends PlanOptions {
  generator: number;
  cards: number;
  external: number;
  drafts: number;
  byLang: Record<string, number>;
  expired: number;
  expiring: number;
  collections: number;
  owners: number;
  links: number;
  anchorLinks: number;
  bytes: number;
  hasStyleGuide: boolean;
}

/** Bump when the generator's output changes, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 3;

export interface WriteOptions extends PlanOptions {
  out: string;
  /** Repository whose `.vale.ini` and `style-guide/` are copied into the corpus. */
  repoRoot: string;
}

export function writeCorpus(options: WriteOptions): CorpusManifest {
  const cards = planCorpus(options);
  const out = path.resolve(options.out);
  const contentDir = path.join(out, "content");
  rmSync(contentDir, { recursive: true, force: true });
  mkdirSync(contentDir, { recursive: true });
  TOPICS.forEach((topic, i) => {
    mkdirSync(path.join(contentDir, topic.name), { recursive: true });
    const defaults = topic.externalShare === 0 ? `defaults:\n  audience: internal\n` : "";
    writeFileSync(path.join(contentDir, topic.name, "_collection.yml"), `title: ${JSON.stringify(topic.title)}\ndescription: ${JSON.stringify(topic.description)}\norder: ${i + 1}\n${defaults}`);
  });
  let bytes = 0;
  for (const card of cards) {
    const text = writeCardFile(card, cards, options.today);
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(contentDir, card.relPath), text);
  }
  writeFileSync(path.join(out, "verity.config.yml"), configText(options));
  const hasStyleGuide = copyStyleGuide(options.repoRoot, out);
  const manifest = summarise(cards, options, bytes, hasStyleGuide);
  writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function configText(options: PlanOptions): string {
  return [
    `# Benchmark corpus written by bench/generate.ts: ${options.count} cards, seed ${options.seed}, dates around ${options.today}.`,
    "# Expired cards are warnings here so that the build, which stops on lint errors, still runs.",
    "timeZone: UTC",
    "minTrustScore: 90",
    "rules:",
    "  verify-by-expired: warning",
    "sites:",
    "  public:",
    "    title: Lumen Help Center",
    "    url: https://help.lumen.example",
    "  internal:",
    "    title: Lumen Wiki",
    "    url: https://wiki.lumen.example",
    "repository:",
    "  url: https://github.com/lumen-example/knowledge",
    "",
  ].join("\n");
}

/** Copies the repository's style guide so `verity lint` runs the full guide on the corpus. */
function copyStyleGuide(repoRoot: string, out: string): boolean {
  let copied = false;
  for (const name of [".vale.ini", "style-guide"]) {
    const from = path.join(repoRoot, name);
    const to = path.join(out, name);
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) {
      cpSync(from, to, { recursive: true });
      copied = true;
    }
  }
  return copied && existsSync(path.join(out, ".vale.ini"));
}

function summarise(cards: readonly PlannedCard[], options: PlanOptions, bytes: number, hasStyleGuide: boolean): CorpusManifest {
  const byLang: Record<string, number> = {};
  for (const card of cards) byLang[card.lang] = (byLang[card.lang] ?? 0) + 1;
  const links = cards.flatMap((c) => c.links);
  return {
    count: options.count,
    seed: options.seed,
    today: options.today,
    generator: GENERATOR_VERSION,
    cards: cards.length,
    external: cards.filter((c) => c.audience === "external").length,
    drafts: cards.filter((c) => c.isDraft).length,
    byLang,
    expired: cards.filter((c) => c.verifyBy < options.today).length,
    expiring: cards.filter((c) => c.verifyBy >= options.today && c.verifyBy <= addDaysSafe(options.today, 14)).length,
    collections: new Set(cards.map((c) => c.topic.name)).size,
    owners: new Set(cards.map((c) => c.owner)).size,
    links: links.length,
    anchorLinks: links.filter((l) => l.anchor).length,
    bytes,
    hasStyleGuide,
  };
}

function addDaysSafe(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
