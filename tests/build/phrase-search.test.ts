import { describe, expect, it } from "vitest";
import { createPhraseSearch, tokenHashes } from "../../src/build/phrase-search.ts";
import { decodeForScan, normaliseForScan } from "../../src/build/scan-text.ts";

/** The leak check's matcher: needles are normalised keys, files only decoded. */
const find = (needles: string[], text: string) => [...createPhraseSearch(needles.map(normaliseForScan)).findIn(decodeForScan(text))].sort();

describe("phrase search", () => {
  it("finds phrases that share their first tokens, each only when all of it is there", () => {
    const needles = Array.from({ length: 50 }, (_, i) => `when agents may issue a refund of tier ${i} without approval`);
    expect(find(needles, "<p>When agents may issue a refund of tier 7 without approval.</p>")).toEqual([7]);
    expect(find(needles, "<p>When agents may issue a refund of tier 7 with approval.</p>")).toEqual([]);
  });

  it("finds phrases of one to twelve tokens wherever the words are, whatever the case and punctuation", () => {
    const needles = ["zephyrqueue", "night desk", "escalate billing now", "route every disputed charge over five hundred euros to the night desk"];
    expect(find(needles, "ZephyrQueue")).toEqual([0]);
    expect(find(needles, "the NIGHT-desk")).toEqual([1]);
    expect(find(needles, '{"t":"Escalate\\nbilling now"}')).toEqual([2]);
    expect(find(needles, "Route every disputed charge, over five hundred euros, to the **night** desk")).toEqual([1, 3]);
    expect(find(needles, "route every disputed charge over five hundred euros to the day desk")).toEqual([]);
  });

  it("does not report a one-token phrase for a word that only shares its hash", () => {
    expect(find(["zephyrqueue"], "zephyrqueues zephyr queue")).toEqual([]);
  });

  it("sees words behind HTML entities, JSON escapes and URL escapes", () => {
    const needles = ["café crème escalation"];
    expect(find(needles, "Caf&eacute; cr&#xE8;me escalation")).toEqual([0]);
    expect(find(needles, '"caf\\u00E9 cr\\u00e8me escalation"')).toEqual([0]);
    expect(find(needles, "/search/?q=caf%C3%A9%20cr%C3%A8me%20escalation")).toEqual([0]);
  });

  it("sees words through invisible characters (zero-width space and joiners, soft hyphen, word joiner) and compatibility forms (full-width, ligatures, mathematical letters)", () => {
    const needles = ["zephyrqueue", "escalate billing now"];
    expect(find(needles, "zephyr\u200Bqueue")).toEqual([0]);
    expect(find(needles, "zeph\u00ADyr\u2060que\u200Due")).toEqual([0]);
    expect(find(needles, "zephyr&shy;queue")).toEqual([0]);
    expect(find(needles, "esca\u200Clate bil\uFEFFling now")).toEqual([1]);
    expect(find(needles, "ＥＳＣＡＬＡＴＥ ｂｉｌｌｉｎｇ ｎｏｗ")).toEqual([1]);
    expect(find(["update the profile now"], "update the pro\uFB01le now")).toEqual([0]);
    expect(find(needles, "\u{1D41E}scalate billing now")).toEqual([1]);
    expect(find(["zephyrqueue"], "ｚｅｐｈｙｒｑｕｅｕｅ")).toEqual([0]);
  });

  it("splits CJK text into one token per character, so a phrase is found inside a sentence without spaces", () => {
    expect(tokenHashes("환불 승인")).toHaveLength(4);
    expect(find(["야간 데스크로 보내세요"], "모든 분쟁은야간데스크로보내세요.")).toEqual([0]);
  });
});
