/**
 * Search over Pagefind's per-language indexes. Each language is its own Pagefind instance (its
 * own index and its own language module), searched on its own: scores of two indexes are not
 * comparable (Pagefind #796), so the reader's language is searched first and the others only when
 * it finds nothing or the reader asks, in order, never interleaved. A question naming something no
 * card of its language covers is also asked, in the glossary's words, of the languages whose cards
 * do (core/site/glossary.ts); those results follow the reader's language's as a block. When every
 * word together finds nothing, the words are searched one by one and pages ranked by how many and
 * how rare the words they match (a retry with fewer words).
 */
import { explanation, fetchJson, SearchUnavailable } from "./search-fetch.ts";
import { fewerWords, rememberSearches, type PagefindInstance, type RememberingInstance, type PagefindModule, type PagefindResult, type ResultData } from "./search-pagefind.ts";
import { analyseQuery, languageOrder, queryScript, Vocabulary, type AnalysedQuery } from "./search-query.ts";
import { crossingOrder, crossLanguageQueries, englishNames, type GlossaryEntry } from "../core/site/glossary.ts";
import { exactFirst, fragileWords, phraseWords, quotedPhrase } from "./search-exact.ts";
import { emptyOutcome, namedLanguageQuery } from "./search-named-language.ts";
import { asRetyped, retypedQuery } from "./search-keys.ts";
import { INTENT_TEMPLATES, namedTags, preferIntentCards, queryIntent, sharesNamedTag, sharesTopic, type Intent } from "./search-intent.ts";

export type { ResultData } from "./search-pagefind.ts";
export { SearchUnavailable } from "./search-fetch.ts";

export interface Hit {
  id: string;
  lang: string;
  /** In another language than the reader's. */
  foreign: boolean;
  data: () => Promise<ResultData>;
}

export interface SearchOutcome {
  query: string;
  /** The reader's language for this query (searched first). */
  readerLang: string;
  /** Language whose index answered, or the reader's when none did. */
  lang: string;
  hits: Hit[];
  mode: "all" | "some" | "none";
  /** With mode "all": how many of the first hits match every word when pages with fewer words follow them. */
  whole?: number;
  /** The first hit quotes the message the question pastes (search-exact.ts): it leads, whatever another language matches. */
  quoted?: boolean;
  analysis: AnalysedQuery;
}

/** A phrase on more pages than this is words the cards use, not a message one of them quotes. */
const QUOTING_PAGES = 5;
/** Two words are a topic as often as a quote: `card declined` is the FAQ's question word for word, not the card's title. */
const QUOTE_WORDS = 3;

/** Below this many pages with every word, pages with fewer of the words are shown after them. */
const FEW = 5;

export interface SearchOptions {
  filters?: Record<string, string[]>;
  /** Search exactly these languages, in this order (the reader asked); default: reader's first, widen on nothing. */
  languages?: string[];
}

export class SearchEngine {
  private entry: Promise<Record<string, number>> | undefined;
  private readonly instances = new Map<string, Promise<RememberingInstance>>();
  private readonly vocabularies = new Map<string, Promise<Vocabulary>>();
  private foldTable: Promise<Record<string, string>> | undefined;
  private glossaryTable: Promise<GlossaryEntry[]> | undefined;
  private readonly intentPages = new Map<string, Promise<Set<string>>>();
  private readonly tagPages = new Map<string, Promise<Set<string>>>();

  /** URL of the Pagefind bundle folder, ending in `/`. */
  private readonly bundle: string;
  /** URL of the site root, ending in `/`. */
  private readonly siteBase: string;
  /** Language of the page the reader is on. */
  readonly pageLang: string;

  constructor(bundle: string, siteBase: string, pageLang: string) {
    this.bundle = bundle;
    this.siteBase = siteBase;
    this.pageLang = pageLang;
  }

  /** Page count per language index. Throws when the site has no search index. */
  languages(): Promise<Record<string, number>> {
    this.entry ??= fetch(`${this.bundle}pagefind-entry.json`).then(async (response) => {
      if (!response.ok) throw new SearchUnavailable(await explanation(response));
      const entry = (await response.json()) as { languages: Record<string, { page_count: number }> };
      return Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
    });
    return this.entry;
  }

  /** Starts loading what the first search in the reader's language needs. */
  async warm(query = ""): Promise<void> {
    const available = await this.languages();
    const [lang] = languageOrder(query, this.pageLang, available);
    if (lang) await Promise.all([this.instance(lang), this.vocabulary(lang), this.glossary()]);
  }

  private instance(lang: string): Promise<RememberingInstance> {
    let instance = this.instances.get(lang);
    if (!instance) {
      instance = (async () => {
        // One copy of Pagefind's module per language: a module (and its web worker) holds one WebAssembly
        // build, the first one loaded, for all its instances, so an English index searched after a Korean,
        // Chinese or Japanese one would get no English stemming ("subscription" missed "subscriptions").
        const pagefind = (await import(/* @vite-ignore */ `${this.bundle}pagefind.js?lang=${encodeURIComponent(lang)}`)) as PagefindModule;
        // Pagefind picks an instance's index from <html lang> when the instance is created.
        const html = document.documentElement;
        const pageLang = html.getAttribute("lang");
        html.setAttribute("lang", lang);
        let created: PagefindInstance;
        try {
          created = pagefind.createInstance({ baseUrl: this.siteBase, excerptLength: 24 });
        } finally {
          if (pageLang === null) html.removeAttribute("lang");
          else html.setAttribute("lang", pageLang);
        }
        await created.init();
        return rememberSearches(created);
      })();
      this.instances.set(lang, instance);
    }
    return instance;
  }

  private vocabulary(lang: string): Promise<Vocabulary> {
    let vocabulary = this.vocabularies.get(lang);
    if (!vocabulary) {
      const data = `${this.siteBase}search-data/`;
      vocabulary = Promise.all([fetchJson<string[]>(`${data}vocabulary-${lang}.json`, []), fetchJson<Record<string, string>>(`${data}aliases-${lang}.json`, {})]).then(([words, aliases]) => new Vocabulary(words, aliases));
      this.vocabularies.set(lang, vocabulary);
    }
    return vocabulary;
  }

  /** Ids of the pages of one language whose card has a template the intent prefers (search-intent.ts). */
  private intentIds(lang: string, intent: Intent): Promise<Set<string>> {
    let ids = this.intentPages.get(`${lang} ${intent}`);
    if (!ids) {
      ids = this.instance(lang)
        .then((instance) => instance.search(null, { filters: { template: { any: [...INTENT_TEMPLATES[intent]] } } }))
        .then((search) => new Set((search?.results ?? []).map((r) => r.id)))
        .catch(() => new Set<string>());
      this.intentPages.set(`${lang} ${intent}`, ids);
    }
    return ids;
  }

  /** Ids of the pages of one language that carry a tag (none when no page does). */
  private taggedIds(lang: string, tag: string): Promise<Set<string>> {
    let ids = this.tagPages.get(`${lang} ${tag}`);
    if (!ids) {
      ids = this.instance(lang)
        .then((instance) => instance.search(null, { filters: { tag: { any: [tag] } } }))
        .then((search) => new Set((search?.results ?? []).map((r) => r.id)))
        .catch(() => new Set<string>());
      this.tagPages.set(`${lang} ${tag}`, ids);
    }
    return ids;
  }

  /** For a question with an intent: which pages share a tag its words name (search-intent.ts). */
  private async topicOf(lang: string, terms: readonly string[]): Promise<(a: string, b: string) => boolean> {
    const tags = namedTags(terms);
    const tagged = new Map(await Promise.all(tags.map(async (tag) => [tag, await this.taggedIds(lang, tag)] as const)));
    return sharesNamedTag(tagged);
  }

  private glossary(): Promise<GlossaryEntry[]> {
    return (this.glossaryTable ??= fetchJson<GlossaryEntry[]>(`${this.siteBase}search-data/glossary.json`, []));
  }

  private fold(): Promise<Record<string, string>> {
    return (this.foldTable ??= fetchJson<Record<string, string>>(`${this.siteBase}search-data/fold.json`, {}));
  }

  /**
   * Filter value counts for a query in one language (every word matched), or undefined when only
   * fewer words matched. Pagefind counts filters only once their index is loaded, so the first call
   * loads it; the search page asks after the results are painted.
   */
  async filterCounts(outcome: SearchOutcome, filters: Record<string, string[]>): Promise<Record<string, Record<string, number>> | undefined> {
    if (outcome.mode !== "all" || outcome.whole !== undefined) return undefined;
    const instance = await this.instance(outcome.lang);
    await instance.filters();
    const pagefindFilters = Object.fromEntries(Object.entries(filters).filter(([, v]) => v.length > 0).map(([k, v]) => [k, { any: v }]));
    // Asked again: the answer remembered from before the filters were loaded has no counts.
    const search = await instance.searchAgain(outcome.analysis.terms.join(" "), { filters: pagefindFilters });
    return search?.filters;
  }

  /** A question typed with the Korean input method off or in romaji is answered for the Hangul or kana it stands for (search-keys.ts). */
  async search(query: string, options: SearchOptions = {}): Promise<SearchOutcome> {
    const retyped = await retypedQuery(query, this.pageLang.toLowerCase().split("-")[0]!, { vocabulary: (lang) => this.vocabulary(lang), glossary: () => this.glossary() });
    return retyped ? asRetyped(query, retyped, await this.searchTyped(retyped, options)) : this.searchTyped(query, options);
  }

  private async searchTyped(query: string, options: SearchOptions): Promise<SearchOutcome> {
    const available = await this.languages();
    const intent = queryIntent(query);
    const order = languageOrder(query, this.pageLang, available);
    const readerLang = order[0] ?? this.pageLang;
    const filters = options.filters ?? {};
    if (options.languages && options.languages.length > 0) {
      const outcomes = await Promise.all(options.languages.filter((l) => Object.hasOwn(available, l)).map((lang) => this.searchLanguage(query, lang, filters, lang === readerLang, readerLang, available, intent)));
      const answered = outcomes.find((o) => o.hits.length > 0) ?? outcomes[0];
      if (!answered) return emptyOutcome(query, readerLang);
      const ordered = [...outcomes].sort((a, b) => Number(b.lang === readerLang) - Number(a.lang === readerLang));
      return {
        ...answered,
        hits: ordered.flatMap((o) => o.hits),
        mode: ordered.some((o) => o.mode === "all") ? "all" : ordered.some((o) => o.mode === "some") ? "some" : "none",
      };
    }
    if (order.length === 0) return emptyOutcome(query, readerLang);
    // The glossary loads while the reader's language is searched.
    const glossaryReady = Promise.all([this.glossary(), readerLang === "zh" ? this.fold() : Promise.resolve(undefined)]);
    const reader = await this.quotedElsewhere(query, await this.searchLanguage(query, readerLang, filters, true, readerLang, available, intent), order, filters, available, intent);
    // Things the query names that no card of its language covers are also asked of the languages whose cards do; their results follow.
    const [glossary, fold] = await glossaryReady;
    const crossed = new Map([...crossLanguageQueries(query, readerLang, glossary, fold), ...namedLanguageQuery(query, readerLang, available, glossary, fold)]);
    const latinOnly = await this.latinWordsElsewhere(crossed, query, reader.analysis, order);
    // Han without kana may be Japanese (`API key 作成`): when few Chinese pages have every word, Japanese pages with every word come last.
    const asJapanese = readerLang === "zh" && !crossed.has("ja") && order.includes("ja") && reader.mode === "all" && (reader.whole ?? reader.hits.length) < FEW;
    // Few cards of the reader's language have every word (`請求書を送る`: the Japanese cards name invoices in passing): a language with more cards is asked too, in the glossary's words; like Latin words alone, its results follow and never lead. Not when the Japanese pages come last instead.
    if (!asJapanese && reader.mode === "all" && (reader.whole ?? reader.hits.length) < FEW) {
      for (const [lang, asked] of crossLanguageQueries(query, readerLang, glossary, fold, true)) {
        if (crossed.has(lang) || (available[lang] ?? 0) <= (available[readerLang] ?? 0)) continue;
        crossed.set(lang, asked);
        latinOnly.add(lang);
      }
    }
    const seen = new Set(reader.hits.map((hit) => hit.id));
    const extra: Hit[] = [];
    let isExtraWhole = false;
    for (const lang of crossingOrder(order, readerLang, query, glossary, fold)) {
      const asked = crossed.get(lang);
      if (asked === undefined) continue;
      const outcome = await this.searchLanguage(asked, lang, filters, false, readerLang, available, intent);
      isExtraWhole ||= outcome.mode === "all" && !latinOnly.has(lang) && !reader.quoted;
      for (const hit of outcome.hits) {
        if (seen.has(hit.id)) continue;
        seen.add(hit.id);
        extra.push(hit);
      }
    }
    const japanese = asJapanese ? await this.searchLanguage(query, "ja", filters, false, readerLang, available, intent) : undefined;
    const tail = japanese?.mode === "all" ? japanese.hits.filter((hit) => !seen.has(hit.id)) : [];
    // Also when only some words matched: a Korean card rarely has the problem's own word (`웹훅 오류`: no Korean webhook card says 오류).
    const fix = intent === "problem" && reader.mode !== "none" ? await this.fixElsewhere(reader, order, filters, englishNames(query, readerLang, glossary, fold)) : undefined;
    if (fix) {
      reader.hits = [fix, ...reader.hits];
      if (reader.whole !== undefined) reader.whole++;
      extra.splice(0, extra.length, ...extra.filter((hit) => hit.id !== fix.id));
    }
    if (reader.hits.length > 0 || extra.length > 0) {
      // Cards that have what the question names come before cards of its language that match only some of its words. Pages of the reader's language with fewer of the words come after those of other languages with all of them.
      const whole = reader.whole ?? reader.hits.length;
      // The reader's language matching every word does not make it cover the thing: no card of it uses the glossary's words
      // for it (`2단계 인증 켜기` matches the quick start's "2단계" step and its "인증 코드"), so the best card that does leads.
      const hits =
        reader.mode === "some" && isExtraWhole
          ? [...extra, ...reader.hits]
          : isExtraWhole
            ? [...extra.slice(0, 1), ...reader.hits.slice(0, whole), ...extra.slice(1), ...reader.hits.slice(whole)]
            : [...reader.hits.slice(0, whole), ...extra, ...reader.hits.slice(whole)];
      return { ...reader, hits: [...hits, ...tail], mode: reader.mode === "all" || isExtraWhole ? "all" : "some" };
    }
    for (const lang of order.slice(1)) {
      const outcome = await this.searchLanguage(query, lang, filters, false, readerLang, available, intent);
      if (outcome.hits.length > 0) return outcome;
    }
    return reader;
  }

  /**
   * A problem question whose first page carries a tag the question names (`Okta SSO 로그인 오류`: the Korean SSO set-up
   * card, tag sso) when no troubleshooting card of the reader's language carries it, but one of another language does:
   * that card leads, labelled with its language. The tag is the authors' word that the two cards share the topic, when
   * the two share two tags (search-intent.ts): `api` alone is on every API and webhook card. A question in another script
   * names a tag by the glossary's English word for what it names (`english`: "webhook" for 웹훅).
   */
  private async fixElsewhere(reader: SearchOutcome, order: readonly string[], filters: Record<string, string[]>, english: readonly string[]): Promise<Hit | undefined> {
    const top = reader.hits[0];
    if (!top || Object.values(filters).some((v) => v.length > 0)) return undefined;
    const tags: string[] = [];
    for (const tag of namedTags([...reader.analysis.terms, ...english.flatMap((words) => words.split(" "))])) if ((await this.taggedIds(reader.lang, tag)).has(top.id)) tags.push(tag);
    const fixes = await this.intentIds(reader.lang, "problem");
    for (const tag of tags) if ([...(await this.taggedIds(reader.lang, tag))].some((id) => fixes.has(id))) return undefined;
    const topTags = tags.length > 0 ? ((await top.data())?.filters["tag"] ?? []) : [];
    for (const lang of order.slice(1)) {
      for (const tag of tags) {
        const search = await (await this.instance(lang)).search(null, { filters: { tag: { any: [tag] }, template: { any: [...INTENT_TEMPLATES.problem] } } });
        for (const result of search?.results ?? []) {
          if (sharesTopic(topTags, (await result.data()).filters["tag"] ?? [])) return { id: result.id, lang, foreign: true, data: () => result.data() };
        }
      }
    }
    return undefined;
  }

  /**
   * Latin words of a Korean, Chinese or Japanese question that no card of its language uses, but cards of another
   * language do (a product name: `Xero 連携 エラー`, where no Japanese card names Xero), are asked of that language
   * too, after what the glossary asks of it; their results follow the reader's language's, labelled. Asked for such words
   * alone, a language's results never lead: the reader's cards may cover the thing in their own words (`3Dセキュア`).
   * A three-digit number is such a word too, a status or error code (`４２９ エラー`); shorter ones are counts. Returns the languages asked for such words alone.
   */
  private async latinWordsElsewhere(crossed: Map<string, string>, query: string, analysis: AnalysedQuery, order: readonly string[]): Promise<Set<string>> {
    const alone = new Set<string>();
    if (queryScript(query) === "latin") return alone;
    const latin = analysis.unknown.filter((word) => /^[a-z0-9][a-z0-9_.-]*$/.test(word) && /[a-z]|^\d{3}$/.test(word));
    if (latin.length === 0) return alone;
    for (const lang of order.slice(1)) {
      const vocabulary = await this.vocabulary(lang);
      const asked = crossed.get(lang)?.split(" ") ?? [];
      const known = latin.filter((word) => vocabulary.knows(word) && !asked.includes(word));
      if (known.length === 0) continue;
      if (asked.length === 0) alone.add(lang);
      crossed.set(lang, [...asked, ...known].join(" "));
    }
    return alone;
  }

  /**
   * A Latin-script question whose words no card of the reader's language has together, but a card of another
   * language has every one of (an English error message a Korean card quotes, `Duplicate document number`):
   * those cards lead, labelled with their language, before the reader's pages with some of the words. Only for
   * three words or more: a quoted message is longer than two, and a two-word question that fell back would
   * otherwise load every other language's index before its results show.
   */
  private async quotedElsewhere(query: string, reader: SearchOutcome, order: readonly string[], filters: Record<string, string[]>, available: Record<string, number>, intent: Intent | undefined): Promise<SearchOutcome> {
    const quoted = await this.quotedPhraseElsewhere(query, reader, order, filters);
    if (quoted) return quoted;
    if (reader.mode !== "some" || queryScript(query) !== "latin" || reader.analysis.terms.length < 3) return reader;
    for (const lang of order.slice(1)) {
      const outcome = await this.searchLanguage(query, lang, filters, false, reader.readerLang, available, intent);
      if (outcome.mode !== "all" || outcome.analysis.unknown.length > 0 || outcome.analysis.terms.length < reader.analysis.terms.length) continue;
      const seen = new Set(outcome.hits.map((hit) => hit.id));
      return { ...reader, hits: [...outcome.hits, ...reader.hits.filter((hit) => !seen.has(hit.id))], whole: outcome.hits.length, mode: "all" };
    }
    return reader;
  }

  /** Ids of the pages with a phrase word for word: Pagefind's phrase search stems (`rotating api keys` finds "Rotate API keys"). */
  private async quotingPages(instance: PagefindInstance, phrase: string, filters: Record<string, { any: string[] }>): Promise<Set<string>> {
    return new Set((await this.quoting(instance, phrase, filters)).map((r) => r.id));
  }

  private async quoting(instance: PagefindInstance, phrase: string, filters: Record<string, { any: string[] }>): Promise<PagefindResult[]> {
    const found = (await instance.search(`"${phrase}"`, { filters }))?.results ?? [];
    if (found.length > QUOTING_PAGES) return [];
    const texts = await Promise.all(found.map(async (r) => ` ${phraseWords((await r.data())?.content ?? "").join(" ")} `));
    return found.filter((_, i) => texts[i]!.includes(` ${phrase} `));
  }

  /**
   * A Latin-script message that few pages of the reader's language have the words of and none quotes, but a card of another
   * language quotes word for word (`Currency mismatch`, an error a Korean card lists): those cards lead, labelled with their
   * language. Asked only of a language whose cards use every word of it, so a question in the reader's own words loads no other index.
   */
  private async quotedPhraseElsewhere(query: string, reader: SearchOutcome, order: readonly string[], filters: Record<string, string[]>): Promise<SearchOutcome | undefined> {
    const phrase = queryScript(query) === "latin" ? quotedPhrase(query) : undefined;
    if (!phrase || (reader.mode === "all" && (reader.whole ?? reader.hits.length) >= FEW)) return undefined;
    const pagefindFilters = Object.fromEntries(Object.entries(filters).filter(([, v]) => v.length > 0).map(([k, v]) => [k, { any: v }]));
    if ((await this.quotingPages(await this.instance(reader.lang), phrase, pagefindFilters)).size > 0) return undefined;
    for (const lang of order.slice(1)) {
      const vocabulary = await this.vocabulary(lang);
      if (!phrase.split(" ").every((word) => vocabulary.knows(word))) continue;
      const found = await this.quoting(await this.instance(lang), phrase, pagefindFilters);
      if (found.length === 0) continue;
      const seen = new Set(found.map((r) => r.id));
      const hits: Hit[] = found.map((r) => ({ id: r.id, lang, foreign: true, data: () => r.data() }));
      return { ...reader, hits: [...hits, ...reader.hits.filter((hit) => !seen.has(hit.id))], whole: hits.length, mode: "all" };
    }
    return undefined;
  }

  private async searchLanguage(query: string, lang: string, filters: Record<string, string[]>, isReaderLang: boolean, readerLang: string, available: Record<string, number>, intent?: Intent): Promise<SearchOutcome> {
    const needsFold = lang === "zh";
    const [instance, vocabulary, fold, intentIds] = await Promise.all([
      this.instance(lang),
      this.vocabulary(lang),
      needsFold ? this.fold() : Promise.resolve(undefined),
      intent ? this.intentIds(lang, intent) : Promise.resolve(new Set<string>()),
    ]);
    const analysis = analyseQuery(query, lang, { vocabulary, fold, correct: isReaderLang });
    const base = { query, readerLang, lang, analysis };
    if (analysis.terms.length === 0) return { ...base, hits: [], mode: "none" };
    const pagefindFilters = Object.fromEntries(Object.entries(filters).filter(([, v]) => v.length > 0).map(([k, v]) => [k, { any: v }]));
    const all = await instance.search(analysis.terms.join(" "), { filters: pagefindFilters });
    const foreign = lang !== readerLang;
    // The hit holds Pagefind's result object: once it is collected, its `data()` answers null (Pagefind's worker freed it).
    const toHit = (r: PagefindResult): Hit => ({ id: r.id, lang, foreign, data: () => r.data() });
    const sameTopic = intent && intentIds.size > 0 ? await this.topicOf(lang, analysis.terms) : undefined;
    if (all && all.results.length > 0) {
      // An abbreviation the stemmer cuts to a wide prefix (`acs`): the pages with the word itself lead (search-exact.ts).
      const exact = await Promise.all(fragileWords(analysis.terms, vocabulary).map(async (word) => new Set((await instance.search(`"${word}"`, { filters: pagefindFilters }))?.results.map((r) => r.id))));
      let stemmed = exact.length > 0 ? exactFirst(all.results, new Set(all.results.filter((r) => exact.every((ids) => ids.has(r.id))).map((r) => r.id))) : all.results;
      // Words quoted from a card, a message or a button (`Allow this customer`): the pages with the phrase lead (search-exact.ts).
      const phrase = isReaderLang ? quotedPhrase(query, QUOTE_WORDS) : undefined;
      const quoting = phrase ? await this.quotingPages(instance, phrase, pagefindFilters) : new Set<string>();
      stemmed = exactFirst(stemmed, quoting);
      // A question phrased as a problem (or asking how to set up): the best card of that kind on its topic leads (search-intent.ts).
      let results = preferIntentCards(stemmed, intentIds, (r) => r.score, undefined, sameTopic);
      // A question that is one topic's name (`ＳＳＯ`) gets the topic's how-to before its troubleshooting card, whatever the scores.
      if (!intent && analysis.terms.length === 1 && (await this.intentIds(lang, "problem")).has(results[0]!.id)) {
        const first = results[0]!.id;
        results = preferIntentCards(results, await this.intentIds(lang, "setup"), (r) => Number(r.id === first), undefined, await this.topicOf(lang, analysis.terms));
      }
      const hits = results.map(toHit);
      const quoted = quoting.has(hits[0]!.id);
      if (hits.length >= FEW || !isReaderLang) return { ...base, hits, mode: "all", quoted };
      // Few pages have every word, often because one word is not the card's ("add more seats" and "Manage seats"):
      // the pages that have fewer of the words follow them.
      const seen = new Set(hits.map((hit) => hit.id));
      const fewer = (await fewerWords(instance, analysis.terms, lang, pagefindFilters, available)).map((e) => e.result).filter((r) => !seen.has(r.id));
      // A page quoting the message leads, with every word or not: a pasted message says more than its card (`getting 'your card was declined' when she pays`).
      const withFewer = exactFirst([...hits, ...fewer.map(toHit)], quoting);
      return { ...base, hits: withFewer, mode: "all", whole: hits.length, quoted: quoting.has(withFewer[0]!.id) };
    }
    let ranked = preferIntentCards(await fewerWords(instance, analysis.terms, lang, pagefindFilters, available), intentIds, (e) => e.score * e.matched, undefined, sameTopic).map((e) => e.result);
    // A quoted message whose words the cards also write as a code (`Account not found`, `not_found`) still finds the card that quotes it.
    const phrase = isReaderLang && ranked.length > 0 ? quotedPhrase(query, QUOTE_WORDS) : undefined;
    if (phrase) ranked = exactFirst(ranked, await this.quotingPages(instance, phrase, pagefindFilters));
    return { ...base, hits: ranked.map(toHit), mode: ranked.length > 0 ? "some" : "none" };
  }
}

const engines = new Map<string, SearchEngine>();
/** One engine per page and bundle, shared by every search box on it. */
export function engineFor(bundle: string): SearchEngine {
  let engine = engines.get(bundle);
  if (!engine) {
    const absolute = new URL(bundle, location.href);
    // Pagefind's baseUrl is a path: result URLs stay site paths (`/billing/refund/`).
    const siteBase = absolute.pathname.replace(/pagefind\/$/, "");
    const lang = new URLSearchParams(location.search).get("lang") ?? document.documentElement.lang ?? "en";
    engine = new SearchEngine(absolute.href, siteBase, lang || "en");
    engines.set(bundle, engine);
  }
  return engine;
}
