/**
 * A question phrased as a problem ("webhooks not arriving", "안 와요", "届かない", "收不到") wants the card that
 * fixes it, not the one that sets the thing up. Cards of a problem template carry the Pagefind filter
 * `template:<name>` (CardPage.astro); among the pages that match the question's topic, the best such card leads.
 * Only negations count, a thing said to be in a failed state (`disabled`, `bounced`, `blocked`, `locked out`: "webhook endpoint
 * disabled" is the fix's "Webhook endpoint disabled" email, not the setup card's), and the Korean, Japanese and Chinese words for "error" (a question in those languages names its
 * error as a noun: "SSO 로그인 오류"): a failure noun names a topic as often as a problem ("automatic retries for failed
 * renewals", "결제 실패하면", "常见问题"), and an English "error 429" asks what the code means.
 */

const EN_PROBLEM =
  /\b(?:not|never|no longer|can'?t|cannot|couldn'?t|won'?t|wouldn'?t|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|hasn'?t|haven'?t|unable|broken|stuck|missing|wrong|disabled|bounced|blocked|locked out|gr[ea]yed out)\b/u;
/**
 * Korean: the negations 안/못 and 않-, and 오류/에러 (an error: a Korean question names its error as a noun). Casual
 * questions typed without spaces put 안 after a particle (`메일이안가요`, `앱이안열려요`): there it starts a word, unlike in `보안`.
 * 실패 (a failure) reports one (`웹훅 전송 실패`), unless it is what might happen (`실패하면`, `실패할 경우`, `실패 시`).
 */
const KO_PROBLEM = /오류|에러|(?:^|\s)(?:안|못)(?:\s|$)|안\s?(?:돼|되|와|옴|오|떠|보|열)|(?:^|\s|[이가을를은는도])안\s?(?:가|갔|나와|나오|들어|맞|써|쓰|뜨|떴|붙|넘어)|못\s?(?:받|하|해|들)|않|안됨|안돼|실패(?!하면|할|\s?시)/u;
/** Japanese: negative endings, 不具合 (a fault) and エラー (an error). */
const JA_PROBLEM = /ない|ません|なかった|できず|届かず|不具合|エラー/u;
/** Chinese, simplified and traditional: negations before a verb, and 错误/錯誤/报错 (an error); Hong Kong's Cantonese 唔 and 冇 (not `唔該`, "please", or `唔好意思`, "sorry"). */
const ZH_PROBLEM = /错误|錯誤|报错|報錯|不(?:了|到|能|上|行|对|對|出|成功|工作|显示|顯示|见|見|起作用|来|來)|没|沒|無法|无法|未收到|唔(?!該|该|好意思)|冇/u;

/** Asking how to set something up: "set up", "configure", 설정, 設定, 设置. */
const SETUP = /\b(?:set(?:ting)?[ -]?up|setups?|configur(?:e|ing|ation))\b|설정|세팅|設定|セットアップ|设置|設置|配置/u;

/** Card templates a question's intent prefers (style-guide/templates/templates.yml). */
export const INTENT_TEMPLATES = { problem: ["troubleshooting"], setup: ["how-to"] } as const;
export type Intent = keyof typeof INTENT_TEMPLATES;

/** True when the question reads as a problem: a negation in any of the site's languages. */
export function isProblemQuery(query: string): boolean {
  const text = query.normalize("NFKC").toLowerCase().replace(/[’`]/g, "'");
  return EN_PROBLEM.test(text) || KO_PROBLEM.test(text) || JA_PROBLEM.test(text) || ZH_PROBLEM.test(text);
}

/** A problem question wants a troubleshooting card; a setup question that states no problem, a how-to card. */
export function queryIntent(query: string): Intent | undefined {
  if (isProblemQuery(query)) return "problem";
  return SETUP.test(query.normalize("NFKC").toLowerCase()) ? "setup" : undefined;
}

/** A problem card leads only from among the first this many pages... */
const WINDOW = 5;
/** ...and only when its score is at least this share of the first page's: the same topic, not a passing mention. */
const SAME_TOPIC = 0.7;

/**
 * The first page of the intent's templates among the first `WINDOW` that scores close to the first page moves to the
 * front; the others keep their order. `count` limits the ranking to the pages that match every word. `sameTopic` says
 * two pages carry a tag the question's own words name: then they are on its topic whatever their scores (a how-to card
 * says "SSO" half as often as the troubleshooting card of SSO errors, and a setup question on SSO still wants it).
 */
export function preferIntentCards<T extends { id: string }>(
  hits: T[],
  intentIds: ReadonlySet<string>,
  scoreOf: (hit: T) => number,
  count = hits.length,
  sameTopic: (a: string, b: string) => boolean = () => false,
): T[] {
  const top = hits[0];
  if (!top || intentIds.has(top.id) || intentIds.size === 0) return hits;
  const limit = Math.min(WINDOW, count, hits.length);
  for (let i = 1; i < limit; i++) {
    const hit = hits[i]!;
    if (!intentIds.has(hit.id)) continue;
    if (scoreOf(hit) < SAME_TOPIC * scoreOf(top) && !sameTopic(top.id, hit.id)) return hits;
    return [hit, ...hits.slice(0, i), ...hits.slice(i + 1)];
  }
  return hits;
}

/**
 * Whether two pages share a tag that the question names: `tagged` maps each tag named by a word of the question to
 * the ids of the pages that carry it.
 */
export function sharesNamedTag(tagged: ReadonlyMap<string, ReadonlySet<string>>): (a: string, b: string) => boolean {
  return (a, b) => [...tagged.values()].some((ids) => ids.has(a) && ids.has(b));
}

/** The tags a question's words may name: each word as it is, and without or with a plural "s" (`webhook`, `webhooks`). */
export function namedTags(terms: readonly string[]): string[] {
  const tags = new Set<string>();
  for (const term of terms) {
    const word = term.normalize("NFKC").toLowerCase();
    if (!/^[a-z0-9][a-z0-9-]*$/.test(word)) continue;
    tags.add(word);
    tags.add(word.endsWith("s") ? word.slice(0, -1) : `${word}s`);
  }
  return [...tags];
}

/**
 * Whether two cards are on one topic by their tags: two tags in common, or every tag of one that has a single tag. One
 * shared tag is often a section's (`api` is on the API key, rate-limit and webhook cards alike).
 */
export function sharesTopic(a: readonly string[], b: readonly string[]): boolean {
  const shared = a.filter((tag) => b.includes(tag)).length;
  return shared > 0 && shared >= Math.min(2, a.length, b.length);
}
