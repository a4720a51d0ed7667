/**
 * Near copies: a public page whose main text (as Pagefind extracted it) resembles an internal card.
 * Texts are compared by word (CJK: character) 5-shingles, hashed, one in {@link SHINGLE_SAMPLE}
 * kept (Broder's sampling), by resemblance (Jaccard) and by containment.
 */
import { toString } from "mdast-util-to-string";
import type { Card } from "../core/cards/load.ts";
import type { LeakFinding, LeakModel } from "./leak-scan.ts";
import type { Attribution } from "./page-attribution.ts";
import { tokenHashes } from "./phrase-search.ts";

const SHINGLE_SIZE = 5;
const SHINGLE_SAMPLE = 4;
/** A page is a near copy when its sampled shingles resemble an internal card's this much (Jaccard)… */
export const NEAR_COPY_JACCARD = 0.5;
/** …or hold this share of them (containment: the internal card pasted into a longer page). */
export const NEAR_COPY_CONTAINMENT = 0.8;
/** Internal cards with fewer sampled shingles (about 40 words) are too short to judge. */
const MIN_SAMPLED_SHINGLES = 10;
/** Shingles that this many internal cards share are boilerplate, not evidence. */
const BOILERPLATE_CARDS = 50;

/**
 * Sampled shingle hashes of a text: words, {@link SHINGLE_SIZE} at a time, case-insensitive; Han,
 * Kana and Hangul are compared character by character (the phrase search's tokens).
 */
export function shingles(text: string): Set<number> {
  const hashes = tokenHashes(text);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_SIZE <= hashes.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE_SIZE; k++) h = Math.imul(h ^ hashes[i + k]!, 0x01000193);
    h >>>= 0;
    // Broder's mod-m sampling: keeping the shingles whose hash is 0 mod m estimates Jaccard unbiased.
    if (h % SHINGLE_SAMPLE === 0) out.add(h);
  }
  return out;
}

export function indexHiddenShingles(hidden: readonly Card[]) {
  const hiddenShingles: LeakModel["hiddenShingles"] = [];
  const shingleIndex = new Map<number, number[]>();
  for (const card of hidden) {
    const set = shingles(`${card.data.title}\n${toString(card.tree)}`);
    const index = hiddenShingles.length;
    hiddenShingles.push({ source: card.relPath, id: card.id, count: set.size });
    for (const h of set) {
      const list = shingleIndex.get(h);
      if (list) list.push(index);
      else shingleIndex.set(h, [index]);
    }
  }
  return { hiddenShingles, shingleIndex };
}

export function nearCopies(model: LeakModel, rel: string, fragmentJson: string, attribution: Attribution): LeakFinding[] {
  let content: string;
  try {
    const parsed = JSON.parse(fragmentJson) as { content?: unknown; meta?: { title?: unknown } };
    content = `${typeof parsed.meta?.title === "string" ? parsed.meta.title : ""}\n${typeof parsed.content === "string" ? parsed.content : ""}`;
  } catch {
    return [];
  }
  const page = shingles(content);
  // Shingles shared with each internal card, counted in an array (cards in the order first met).
  const shared = new Int32Array(model.hiddenShingles.length);
  const met: number[] = [];
  let pageCount = 0;
  for (const h of page) {
    const list = model.shingleIndex.get(h);
    if (list && list.length >= BOILERPLATE_CARDS) continue;
    pageCount++;
    if (list) {
      for (const c of list) {
        if (shared[c] === 0) met.push(c);
        shared[c]! += 1;
      }
    }
  }
  const publicCard = attribution.full.length === 1 ? model.publicCards[attribution.full[0]!] : undefined;
  const out: LeakFinding[] = [];
  for (const c of met) {
    const count = shared[c]!;
    const hidden = model.hiddenShingles[c]!;
    if (hidden.count < MIN_SAMPLED_SHINGLES) continue;
    const jaccard = count / (hidden.count + pageCount - count);
    const containment = count / hidden.count;
    if (jaccard < NEAR_COPY_JACCARD && containment < NEAR_COPY_CONTAINMENT) continue;
    if (publicCard && model.allowCopies.has(`${hidden.id}\u0000${publicCard.id}`)) continue;
    const where = publicCard ? `public card ${publicCard.relPath} (${rel})` : rel;
    out.push({
      type: "near copy",
      severity: "warning",
      file: rel,
      where: "content",
      leaked: hidden.source,
      page: publicCard?.relPath,
      similarity: { jaccard: round(jaccard), containment: round(containment) },
      message: `${where} is a near copy of internal card ${hidden.source} (resemblance ${percent(jaccard)}, ${percent(containment)} of the internal card) — likely cause: the internal text was pasted into an external card; if that is intended, add [${hidden.id}, ${publicCard?.id ?? "<public card id>"}] to leakCheck.allowCopies in verity.config.yml`,
    });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
