/**
 * `node bench/rich-cards.ts [--count 5000] [--rounds 3]`: the render cost of MDX cards (issue 18).
 * Generates the benchmark corpus (bench/generate.ts's generator), loads it, and renders every card
 * in-process as the build does (renderCard, sanitizer, components, snippets), twice per round:
 * all Markdown, and with every 10th card as an MDX card whose same body sits inside the built-in
 * components (Callout, Tabs/Tab, Steps, Details, Badge). Reports the CPU time of the render step
 * (process.cpuUsage, user + system), not wall time: the machine is shared and heavily loaded.
 */
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { renderCard } from "../src/build/render-card.ts";
import { isOnSite } from "../src/core/site/audience.ts";
import { collectHeadings } from "../src/core/site/anchors.ts";
import type { Card } from "../src/core/cards/load.ts";
import { parseMarkdown } from "../src/core/cards/markdown.ts";
import { loadProject } from "../src/core/project/project.ts";
import { writeCorpus } from "./lib/corpus-write.ts";
import { DEFAULT_SEED, DEFAULT_TODAY } from "./lib/defaults.ts";

const { values } = parseArgs({ options: { count: { type: "string", default: "5000" }, rounds: { type: "string", default: "3" } } });
const count = Number(values.count);
const rounds = Number(values.rounds);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(tmpdir(), `verity-bench-rich-${process.pid}`);

writeCorpus({ count, seed: DEFAULT_SEED, today: DEFAULT_TODAY, out, repoRoot });
const project = loadProject({ cwd: out, root: out, today: DEFAULT_TODAY });

/** The card as an MDX card: its body inside the components, the same prose. */
function asMdx(card: Card): Card | undefined {
  const front = card.source.slice(0, card.bodyOffset);
  const body = card.source.slice(card.bodyOffset);
  const source =
    `${front}\n<Badge text="Updated" variant="tip" />\n\n<Callout type="note">\nApplies to every plan.\n</Callout>\n\n` +
    `<Tabs syncKey="platform">\n<Tab label="Web">\n\n<Steps>\n\n${body}\n\n</Steps>\n\n</Tab>\n<Tab label="Mobile">\n\nThe same on the app.\n\n</Tab>\n</Tabs>\n\n` +
    `<Details summary="More">\nSee the other cards.\n</Details>\n`;
  try {
    const tree = parseMarkdown(source, "mdx");
    return { ...card, format: "mdx", source, tree, headings: collectHeadings(tree) };
  } catch {
    return undefined; // a body MDX cannot parse ({ or < in prose): stays Markdown
  }
}

const markdown = project.cards;
let converted = 0;
const mixed = markdown.map((card, i) => {
  if (i % 10 !== 0) return card;
  const mdx = asMdx(card);
  if (mdx) converted++;
  return mdx ?? card;
});

const isPublic = (card: Card) => isOnSite(card, "public");
const options = {
  index: project.index,
  isPublic,
  site: "internal" as const,
  isLinkable: (card: Card) => isOnSite(card, "internal"),
  contentDir: project.contentDir,
  embeds: { embeds: project.config.sites.internal.embeds, siteUrl: project.config.sites.internal.url },
};

function renderAll(cards: readonly Card[]): number {
  const before = process.cpuUsage();
  let bytes = 0;
  for (const card of cards) bytes += renderCard(card, options).html.length;
  const used = process.cpuUsage(before);
  if (bytes === 0) throw new Error("nothing rendered");
  return (used.user + used.system) / 1000;
}

renderAll(markdown.slice(0, 200)); // warm up (JIT, caches)
const times: { markdown: number[]; mixed: number[] } = { markdown: [], mixed: [] };
for (let round = 0; round < rounds; round++) {
  times.markdown.push(renderAll(markdown));
  times.mixed.push(renderAll(mixed));
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const md = median(times.markdown);
const mx = median(times.mixed);
process.stdout.write(
  `${JSON.stringify({ cards: markdown.length, mdxCards: converted, rounds, renderCpuMs: { allMarkdown: Math.round(md), tenPercentMdx: Math.round(mx) }, ratio: Number((mx / md).toFixed(3)), all: times })}\n`,
);
rmSync(out, { recursive: true, force: true });
