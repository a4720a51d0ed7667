/**
 * Chinese counts a reader puts between a verb and its object or before a noun (`退一笔款`, "refund a sum";
 * `发了一张发票`, "sent an invoice"; `邀请三个同事`, "invite three colleagues"): a numeral and its measure word name
 * nothing the cards index, and inside a run they split the cards' word (`退款`) apart. They are cut from a Chinese run
 * before it is searched (search-query.ts). An ordinal (`第一张发票`, "the first invoice") is kept: the cards write it so.
 */

/** A numeral (Chinese or digits) and one of the common measure words; `次` is left out (`一次性`, "one-off"). */
const COUNT = /(?<!第)(?:[一二两三四五六七八九十几半]+|\d+)(?:笔|筆|张|張|个|個|份|条|條|位|封|家|项|項|种|種|台|件|名)/gu;

/** `我想退一笔款` -> `我想退款`; a run that is only a count is kept. */
export function dropChineseCounts(run: string): string {
  const cut = run.replace(COUNT, "");
  return cut.length > 0 ? cut : run;
}
