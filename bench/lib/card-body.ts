/** Writes one planned card: frontmatter per the card contract and a help-center body. */
import type { Bank } from "./bank.ts";
import type { Lang, PlannedCard } from "./corpus-plan.ts";
import { addDays, getTemplateSections } from "./corpus-plan.ts";
import { createRandom, fillTemplate, spaceHanLatin, type Random } from "./random.ts";
import { BUTTONS, ROLES } from "./topics.ts";

interface Section {
  heading: string;
  blocks: string[];
}

const CODE_SNIPPETS: readonly string[] = [
  '```bash\ncurl https://api.lumen.example/v1/invoices \\\n  -H "Authorization: Bearer $LUMEN_API_KEY" \\\n  -H "Lumen-Version: 2026-09-01" \\\n  -d customer=cus_8a1f2c -d currency=eur\n```',
  '```json\n{\n  "id": "evt_1042",\n  "type": "invoice.paid",\n  "created": "2026-11-02T09:14:00Z",\n  "data": { "invoice": "inv_58c1", "amount": 4200, "currency": "eur" }\n}\n```',
  '```js\nimport { createHmac, timingSafeEqual } from "node:crypto";\n\nexport function isValidSignature(rawBody, header, secret) {\n  const expected = createHmac("sha256", secret).update(rawBody).digest("hex");\n  return timingSafeEqual(Buffer.from(expected), Buffer.from(header));\n}\n```',
  "```text\nERROR 409 conflict: the record was changed by another member\nrequest_id: req_7f3a9c\n```",
  "```bash\nlumen exports create --from 2026-10-01 --to 2026-10-31 --format csv\n```",
];

export function writeCardFile(card: PlannedCard, cards: readonly PlannedCard[], today: string): string {
  const random = createRandom(card.seed);
  const bank = card.bank;
  const fill = (template: string) => fillTemplate(template, slotsFor(card, random, today));
  const body = writeBody(card, cards, bank, random, fill);
  const text = `${writeFrontmatter(card, fill(bank.intro[0]!))}\n${body}`;
  return card.lang === "zh" ? spaceHanLatin(text) : text;
}

function writeFrontmatter(card: PlannedCard, description: string): string {
  const lines = ["---", `title: ${JSON.stringify(card.title)}`];
  if (card.hasDescription) lines.push(`description: ${JSON.stringify(description)}`);
  lines.push(`owner: ${JSON.stringify(card.owner)}`, `audience: ${card.audience}`, `verify_by: ${card.verifyBy}`, `verify_every: ${card.verifyEvery}`);
  lines.push(`tags: [${card.tags.join(", ")}]`);
  lines.push(`template: ${card.template}`);
  if (card.isDraft) lines.push("status: draft");
  if (card.lang !== "en") lines.push(`lang: ${card.lang}`);
  if (card.verifiedOn) lines.push(`verified_on: ${card.verifiedOn}`, `verified_by: ${JSON.stringify(card.owner)}`);
  lines.push("---");
  return lines.join("\n");
}

function slotsFor(card: PlannedCard, random: Random, today: string): Record<string, string> {
  const lang = card.lang;
  const task = card.task[lang];
  return {
    task,
    Task: task.charAt(0).toUpperCase() + task.slice(1),
    subject: card.topic.subject[lang],
    menu: random.pick(card.topic.menus)[lang],
    role: random.pick(ROLES)[lang],
    button: random.pick(BUTTONS)[lang],
    days: String(random.pick([3, 5, 7, 14, 30])),
    minutes: String(random.pick([2, 5, 10, 15])),
    hours: String(random.pick([2, 4, 24])),
    number: String(random.pick([5, 10, 20, 50, 100])),
    bignumber: String(random.pick([500, 1000, 5000])),
    date: addDays(today, -random.int(10, 200)),
  };
}

function writeBody(card: PlannedCard, cards: readonly PlannedCard[], bank: Bank, random: Random, fill: (t: string) => string): string {
  const pickSome = (list: readonly string[], min: number, max: number) => random.sample(list, random.int(min, max)).map(fill);
  const paragraph = (list: readonly string[], min = 1, max = 2) => joinSentences(pickSome(list, min, max), card.lang);
  const bullets = (items: readonly string[]) => items.map((item) => `- ${item}`).join("\n");
  const numbered = (items: readonly string[]) => items.map((item, i) => `${i + 1}. ${item}`).join("\n");
  const hasCode = random.chance(card.topic.name === "api" || card.topic.name === "integrations" ? 0.6 : card.template === "troubleshooting" ? 0.3 : 0.05);
  const code = () => random.pick(CODE_SNIPPETS);
  const limitsTable = () => table(bank.limitsTable.headers, bank.limitsTable.rows.map((row) => row.map(fill)));

  const intro: string[] = [paragraph(bank.intro, 1, 2)];
  const sections: Section[] = card.headings.map((heading) => ({ heading, blocks: [] }));
  const templateSections = getTemplateSections(card.template, card.lang);
  sections.forEach((section, i) => {
    const role = card.template === "faq" ? "faq" : i < templateSections.length ? `${card.template}:${i}` : `extra:${bank.extraHeadings.indexOf(section.heading)}`;
    const blocks = section.blocks;
    switch (role) {
      case "how-to:0": blocks.push(bullets(pickSome(bank.prereq, 2, 4))); break;
      case "how-to:1":
        blocks.push(numbered(pickSome(bank.step, 4, 7)));
        if (hasCode) blocks.push(code());
        if (random.chance(0.4)) blocks.push(paragraph(bank.note));
        break;
      case "how-to:2": blocks.push(paragraph(bank.result, 1, 2)); break;
      case "troubleshooting:0": blocks.push(bullets(pickSome(bank.symptom, 2, 3))); break;
      case "troubleshooting:1": blocks.push(paragraph(bank.cause, 1, 2)); break;
      case "troubleshooting:2":
        blocks.push(numbered(pickSome(bank.fix, 2, 3)));
        if (hasCode) blocks.push(code());
        break;
      case "faq": blocks.push(paragraph(bank.faqAnswer, 1, 2)); break;
      case "internal-policy:0": blocks.push(paragraph(bank.policy, 2, 3), limitsTable()); break;
      case "internal-policy:1": blocks.push(bullets(pickSome(bank.appliesTo, 2, 3))); break;
      case "internal-policy:2": blocks.push(bullets(pickSome(bank.exception, 1, 2))); break;
      case "internal-policy:3": blocks.push(numbered(pickSome(bank.escalation, 2, 3))); break;
      case "feature-detail:0": blocks.push(paragraph(bank.featureWhat, 1, 2)); break;
      case "feature-detail:1": blocks.push(table(bank.planTable.headers, ["Starter", "Business", "Enterprise"].map((plan) => [plan, random.pick(bank.planTable.values)]))); break;
      case "feature-detail:2": blocks.push(fill(bank.releaseDate)); break;
      case "feature-detail:3": blocks.push(paragraph(bank.featureExplain, 1, 2)); break;
      case "feature-detail:4": blocks.push(bullets(pickSome(bank.limit, 1, 2))); break;
      case "feature-detail:5": blocks.push(paragraph(bank.faqAnswer, 1, 2)); break;
      case "call-review:0": {
        const values = [card.customer, random.pick(["Starter", "Business", "Enterprise"]), fill("{role}"), card.task[card.lang]];
        blocks.push(table(bank.customerTable.headers, bank.customerTable.labels.map((label, j) => [label, values[j]!])));
        break;
      }
      case "call-review:1": blocks.push(paragraph(bank.callSummary, 2, 2)); break;
      case "call-review:2": blocks.push(bullets(pickSome(bank.wentWell, 1, 2))); break;
      case "call-review:3": blocks.push(bullets(pickSome(bank.improve, 1, 2))); break;
      case "extra:0": blocks.push(limitsTable()); break;
      case "extra:1": blocks.push(paragraph(bank.note, 1, 2)); break;
      case "extra:2": blocks.push(numbered(pickSome(bank.fix, 1, 2))); break;
      default: break; // extra:3, "Related cards", is filled with links below
    }
  });

  placeLinks(card, cards, bank, random, intro, sections);
  padToWordTarget(card, bank, random, fill, intro, sections);

  const parts = [...intro];
  for (const section of sections) parts.push(`## ${section.heading}`, ...section.blocks);
  return `\n${parts.join("\n\n")}\n`;
}

function placeLinks(card: PlannedCard, cards: readonly PlannedCard[], bank: Bank, random: Random, intro: string[], sections: Section[]): void {
  const links = card.links.map((link) => {
    const target = cards[link.target]!;
    const href = `${target.topic.name === card.topic.name ? "" : `../${target.topic.name}/`}${target.slug}.md${link.anchor ? `#${link.anchor}` : ""}`;
    const heading = link.anchor ? target.headings[target.anchors.indexOf(link.anchor)] : undefined;
    // Korean headings carry the speech level of their card, so Korean link text is the title only.
    const text = heading && card.lang === target.lang && card.lang !== "ko" ? `${target.title}${card.lang === "zh" ? "：" : ": "}${heading}` : target.title;
    return `[${escapeLinkText(text)}](${href})`;
  });
  const related = sections.find((s) => s.heading === bank.extraHeadings[3]);
  if (related) {
    related.blocks.push(links.length > 0 ? links.map((link) => `- ${link}`).join("\n") : joinSentences(bank.note.slice(0, 2), card.lang));
    return;
  }
  for (const link of links) {
    const sentence = fillTemplate(random.pick(bank.linkSentence), { link });
    const where = random.chance(0.25) || sections.length === 0 ? intro : random.pick(sections).blocks;
    where.push(sentence);
  }
}

function padToWordTarget(card: PlannedCard, bank: Bank, random: Random, fill: (t: string) => string, intro: string[], sections: Section[]): void {
  const target = card.lang === "en" ? card.wordTarget : card.lang === "ko" ? Math.round(card.wordTarget * 0.6) : Math.round(card.wordTarget * 1.6);
  const measure = card.lang === "zh" ? countHan : countWords;
  let size = measure([...intro, ...sections.flatMap((s) => [s.heading, ...s.blocks])].join("\n"));
  let pool: string[] = [];
  for (let guard = 0; size < target && guard < 200; guard++) {
    if (pool.length < 2) pool = random.sample([...bank.detail, ...bank.note], bank.detail.length + bank.note.length);
    const sentences = pool.splice(0, random.int(2, 3)).map(fill);
    const text = joinSentences(sentences, card.lang);
    const where = sections.length === 0 ? intro : random.pick(sections).blocks;
    where.push(text);
    size += measure(text);
  }
}

function joinSentences(sentences: readonly string[], lang: Lang): string {
  return sentences.join(lang === "zh" ? "" : " ");
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

function escapeLinkText(text: string): string {
  return text.replace(/([[\]])/g, "\\$1");
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function countHan(text: string): number {
  return (text.match(/\p{Script=Han}/gu) ?? []).length;
}
