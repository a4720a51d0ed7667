/**
 * Plans a corpus before any text is written: every card's collection, language, audience, title,
 * slug, headings (and their anchor ids, from the same github-slugger the site uses), frontmatter and
 * the cards it links to. Writing the bodies afterwards can then link to anchors that exist.
 */
import GithubSlugger from "github-slugger";
import type { Bank } from "./bank.ts";
import { EN_BANK } from "./bank-en.ts";
import { koreanBank } from "./bank-ko.ts";
import { ZH_BANK } from "./bank-zh.ts";
import { createRandom, fillTemplate, spaceHanLatin, type Random } from "./random.ts";
import { CUSTOMERS, TITLE_PLACES, TITLE_SCOPES, TOPICS, type Phrase, type TemplateName, type Topic } from "./topics.ts";

export type Lang = "en" | "ko" | "zh";

export interface PlannedLink {
  target: number;
  anchor: string | undefined;
}

export interface PlannedCard {
  index: number;
  topic: Topic;
  slug: string;
  /** `<collection>/<slug>.md`, relative to the content folder. */
  relPath: string;
  lang: Lang;
  bank: Bank;
  audience: "external" | "internal";
  isDraft: boolean;
  template: TemplateName;
  title: string;
  task: Phrase;
  problem: Phrase;
  customer: string;
  headings: string[];
  anchors: string[];
  owner: string;
  verifyBy: string;
  verifyEvery: string;
  verifiedOn: string | undefined;
  tags: string[];
  hasDescription: boolean;
  wordTarget: number;
  links: PlannedLink[];
  /** Seed of the card's own generator, so bodies do not depend on the order they are written in. */
  seed: number;
}

export interface PlanOptions {
  count: number;
  seed: number;
  /** The day verify_by dates are spread around (YYYY-MM-DD). */
  today: string;
}

const TEMPLATE_SECTIONS: Record<TemplateName, Record<Lang, string[]>> = {
  "how-to": { en: ["Before you start", "Steps", "Result"], ko: ["시작하기 전에", "단계", "결과"], zh: ["开始之前", "步骤", "结果"] },
  troubleshooting: { en: ["Symptoms", "Cause", "Fix"], ko: ["증상", "원인", "해결 방법"], zh: ["症状", "原因", "解决方法"] },
  faq: { en: [], ko: [], zh: [] },
  "internal-policy": { en: ["Policy", "Who it applies to", "Exceptions", "Escalation"], ko: ["정책", "적용 대상", "예외", "에스컬레이션"], zh: ["政策", "适用对象", "例外情况", "升级处理"] },
  "feature-detail": {
    en: ["What it is", "Who gets it", "Release date", "How to explain it to customers", "Known limits", "FAQ"],
    ko: ["기능 소개", "제공 대상", "출시일", "고객에게 설명하는 방법", "알려진 제한 사항", "자주 묻는 질문"],
    zh: ["功能简介", "适用对象", "发布日期", "如何向客户说明", "已知限制", "常见问题"],
  },
  "call-review": { en: ["Customer", "Summary", "What went well", "What to improve"], ko: ["고객", "요약", "잘한 점", "개선할 점"], zh: ["客户", "摘要", "做得好的地方", "需要改进的地方"] },
};

export function getTemplateSections(template: TemplateName, lang: Lang): readonly string[] {
  return TEMPLATE_SECTIONS[template][lang];
}

export function planCorpus(options: PlanOptions): PlannedCard[] {
  const random = createRandom(options.seed);
  const slugsByCollection = new Map<string, Set<string>>();
  const cards: PlannedCard[] = [];
  for (let index = 0; index < options.count; index++) {
    cards.push(planCard(index, random, options.today, slugsByCollection));
  }
  planLinks(cards, random);
  return cards;
}

function planCard(index: number, random: Random, today: string, slugs: Map<string, Set<string>>): PlannedCard {
  const topic = random.weighted(TOPICS.map((t) => [t, t.weight] as const));
  const lang = random.weighted<Lang>([["en", 80], ["ko", 15], ["zh", 5]]);
  const audience = random.chance(topic.externalShare) ? "external" : "internal";
  const bank = lang === "en" ? EN_BANK : lang === "zh" ? ZH_BANK : koreanBank(audience === "external" ? "formal" : "polite");
  const template = pickTemplate(topic, audience, random);
  const task = random.pick(topic.tasks);
  const problem = random.pick(topic.name === "call-reviews" ? TOPICS.flatMap((t) => t.problems) : topic.problems);
  const customer = random.pick(CUSTOMERS);
  const scope = random.chance(0.7) ? random.pick(TITLE_SCOPES) : TITLE_SCOPES[0]!;
  const place = random.chance(0.5) ? random.pick(TITLE_PLACES) : TITLE_PLACES[0]!;
  const title = composeTitle({ template, lang, bank, task, problem, customer, scope, place, topic });
  const englishTitle = composeTitle({ template, lang: "en", bank: EN_BANK, task, problem, customer, scope, place, topic });
  const slug = uniqueSlug(slugs, topic.name, `${slugify(englishTitle)}${lang === "en" ? "" : `-${lang}`}`);
  const headings = planHeadings(template, lang, bank, task, random);
  const slugger = new GithubSlugger();
  const anchors = headings.map((heading) => slugger.slug(heading));
  const dates = planDates(today, random);
  const globalTags = { "how-to": "how-to", troubleshooting: "troubleshooting", faq: "faq", "internal-policy": "policy", "feature-detail": "release", "call-review": "call-review" };
  const tags = [...new Set([...random.sample(topic.tags, random.int(1, 3)), ...(random.chance(0.4) ? [globalTags[template]] : [])])].slice(0, 4);
  return {
    index,
    topic,
    slug,
    relPath: `${topic.name}/${slug}.md`,
    lang,
    bank,
    audience,
    isDraft: random.chance(0.02),
    template,
    title,
    task,
    problem,
    customer,
    headings,
    anchors,
    owner: random.pick(topic.owners),
    ...dates,
    tags,
    hasDescription: random.chance(0.85),
    wordTarget: random.int(400, 700),
    links: [],
    seed: Math.floor(random.next() * 2 ** 31),
  };
}

function pickTemplate(topic: Topic, audience: "external" | "internal", random: Random): TemplateName {
  if (topic.name === "call-reviews") return "call-review";
  if (topic.name === "releases") return random.chance(0.8) ? "feature-detail" : "faq";
  if (topic.name === "troubleshooting") return random.chance(0.85) ? "troubleshooting" : "how-to";
  if (audience === "internal") return random.weighted<TemplateName>([["internal-policy", 45], ["how-to", 35], ["troubleshooting", 20]]);
  return random.weighted<TemplateName>([["how-to", 60], ["troubleshooting", 25], ["faq", 15]]);
}

interface TitleParts {
  template: TemplateName;
  lang: Lang;
  bank: Bank;
  task: Phrase;
  problem: Phrase;
  customer: string;
  scope: Phrase;
  place: Phrase;
  topic: Topic;
}

function composeTitle(parts: TitleParts): string {
  const { template, lang, bank, task, problem, customer, scope, place } = parts;
  const taskText = lang === "en" ? [task.en, place.en].filter(Boolean).join(" ") : [place[lang], task[lang]].filter(Boolean).join(lang === "zh" ? "" : " ");
  let title: string;
  switch (template) {
    case "how-to":
      title = capitalize(taskText);
      break;
    case "troubleshooting":
      title = problem[lang];
      break;
    case "faq":
      title = fillTemplate(bank.titles.faq, { task: taskText });
      break;
    case "internal-policy":
      title = fillTemplate(bank.titles.policy, { task: taskText });
      break;
    case "feature-detail":
      title = fillTemplate(bank.titles.release, { task: taskText, Task: capitalize(taskText) });
      break;
    case "call-review":
      title = fillTemplate(bank.titles.callReview, { customer, problem: lang === "en" ? lowerFirstWord(problem.en) : problem[lang] });
      break;
  }
  const scopeText = scope[lang];
  if (lang === "zh") return spaceHanLatin(scopeText ? `${title}（${scopeText}）` : title);
  return scopeText ? `${title} (${scopeText})` : title;
}

function planHeadings(template: TemplateName, lang: Lang, bank: Bank, task: Phrase, random: Random): string[] {
  if (template === "faq") {
    const questions = random.sample(bank.faqQuestion, random.int(3, 4));
    return questions.map((q) => fillTemplate(q, { task: task[lang] })).map((q) => (lang === "zh" ? spaceHanLatin(q) : q));
  }
  const headings = [...TEMPLATE_SECTIONS[template][lang]];
  if ((template === "how-to" || template === "troubleshooting") && random.chance(0.6)) {
    headings.push(random.pick(bank.extraHeadings));
  }
  return headings;
}

function planDates(today: string, random: Random): Pick<PlannedCard, "verifyBy" | "verifyEvery" | "verifiedOn"> {
  const verifyEvery = random.weighted([["90d", 60], ["30d", 10], ["6m", 15], ["1y", 15]] as const);
  const kind = random.weighted([["expired", 4], ["expiring", 8], ["verified", 88]] as const);
  const offset = kind === "expired" ? random.int(-120, -1) : kind === "expiring" ? random.int(0, 14) : random.int(15, 400);
  const verifyBy = addDays(today, offset);
  const intervalDays = { "90d": 90, "30d": 30, "6m": 182, "1y": 365 }[verifyEvery];
  const verifiedOn = addDays(verifyBy, -intervalDays);
  return { verifyBy, verifyEvery, verifiedOn: verifiedOn <= today && random.chance(0.6) ? verifiedOn : undefined };
}

/** Picks 2-5 link targets per card; external cards link only to published external cards. */
function planLinks(cards: PlannedCard[], random: Random): void {
  // Pools by audience ("public" holds published external cards), language and collection ("" = all).
  const pools = new Map<string, number[]>();
  for (const card of cards) {
    if (card.isDraft) continue;
    for (const audience of card.audience === "external" ? ["public", "any"] : ["any"]) {
      for (const collection of [card.topic.name, ""]) push(pools, `${audience}|${card.lang}|${collection}`, card.index);
    }
  }
  const pool = (audience: string, langs: readonly Lang[], collection: string) => langs.flatMap((lang) => pools.get(`${audience}|${lang}|${collection}`) ?? []);
  for (const card of cards) {
    const audience = card.audience === "external" && !card.isDraft ? "public" : "any";
    // English cards link to English cards; Korean and Chinese cards to their own language and English.
    const langs: Lang[] = card.lang === "en" ? ["en"] : [card.lang, "en"];
    const local = pool(audience, langs, card.topic.name);
    const global = pool(audience, langs, "");
    const wanted = random.int(2, 5);
    const chosen = new Set<number>();
    for (let attempt = 0; attempt < wanted * 4 && chosen.size < wanted; attempt++) {
      const pool = local.length > 1 && random.chance(0.6) ? local : global;
      if (pool.length === 0) break;
      const target = random.pick(pool);
      if (target !== card.index) chosen.add(target);
    }
    card.links = [...chosen].map((target) => {
      const anchors = cards[target]!.anchors;
      return { target, anchor: anchors.length > 0 && random.chance(0.35) ? random.pick(anchors) : undefined };
    });
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function uniqueSlug(slugs: Map<string, Set<string>>, collection: string, base: string): string {
  let used = slugs.get(collection);
  if (!used) slugs.set(collection, (used = new Set()));
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Payments appear twice" -> "payments appear twice", but "SSO sign-in fails" stays as it is. */
function lowerFirstWord(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
