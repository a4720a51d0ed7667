/**
 * Words Taiwan writes otherwise than the mainland (`登入` for 登录 "sign in", `金鑰` for 密钥 "key", `設定` for 设置
 * "settings"), from OpenCC's Taiwan phrase table, for the search's folding table: only those whose mainland word the
 * Chinese cards (or the glossary's Chinese words) use and whose Taiwan word they do not (`资料` stays: the cards write
 * 企业资料, though Taiwan also writes it for 数据). Folding characters alone left `單一登入` searching 单一登入, which no
 * card has.
 */
import * as OpenCC from "opencc-js";

let known: { folded: string; mainland: string }[] | undefined;

/** Every Taiwan word of OpenCC's phrase table, in simplified characters, with the mainland word (about a thousand). */
function taiwanWords(): { folded: string; mainland: string }[] {
  if (known) return known;
  const dictionary = OpenCC.Locale.from["twp"]?.[0]?.[0];
  const characters = OpenCC.Converter({ from: "tw", to: "cn" });
  const phrases = OpenCC.Converter({ from: "twp", to: "cn" });
  known = [];
  if (typeof dictionary !== "string") return known;
  for (const entry of dictionary.split("|")) {
    const taiwan = entry.split(" ")[0];
    if (!taiwan || [...taiwan].length < 2) continue;
    const folded = characters(taiwan);
    const mainland = phrases(taiwan);
    if (folded !== mainland) known.push({ folded, mainland });
  }
  return known;
}

/** Taiwan word (simplified characters) -> the mainland word, for the words of `texts` (the Chinese cards' runs). */
export function phraseFolds(texts: readonly string[]): Record<string, string> {
  const folds: Record<string, string> = {};
  if (texts.length === 0) return folds;
  const text = texts.join("\n");
  for (const { folded, mainland } of taiwanWords()) if (text.includes(mainland) && !text.includes(folded)) folds[folded] = mainland;
  return folds;
}

/**
 * Hong Kong's written Cantonese for what the search reads of a question, and its words for what the cards name: the
 * negations (`唔`, `冇`: `收唔到` is 收不到, "not received"), grammar words (`咗`, `嘅`, `喺`, `畀`), how it asks (`點樣`,
 * `點解`, `幾時`, `咩`), and `咭` (card), `電郵` (email), `客人` (customer). `唔該` ("please", "thanks") asks nothing.
 */
const CANTONESE: readonly (readonly [string, string])[] = [
  ["唔該", ""], ["唔", "不"], ["冇", "没"], ["咗", "了"], ["嘅", "的"], ["喺", "在"], ["畀", "给"], ["俾", "给"], ["咭", "卡"], ["咩", "什么"],
  ["乜嘢", "什么"], ["點樣", "怎样"], ["點解", "为什么"], ["邊度", "哪里"], ["幾時", "什么时候"], ["電郵", "邮件"], ["客人", "客户"],
];

/**
 * Hong Kong Cantonese word (as `characters` folds it) -> the written Chinese of the cards, for the search's folding table; not a
 * character the table already folds, nor a word the Chinese cards (`texts`) write themselves. None when the site has no Chinese card.
 */
export function cantoneseFolds(texts: readonly string[], characters: Readonly<Record<string, string>>): Record<string, string> {
  const folds: Record<string, string> = {};
  if (texts.length === 0) return folds;
  const text = texts.join("\n");
  for (const [cantonese, written] of CANTONESE) {
    const key = [...cantonese].map((ch) => characters[ch] ?? ch).join("");
    if (!Object.hasOwn(characters, key) && !text.includes(key) && !Object.hasOwn(folds, key)) folds[key] = written;
  }
  return folds;
}
