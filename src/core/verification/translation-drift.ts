/**
 * Translation drift: a translation is outdated when its source's content changed in git after the
 * translation was last checked against it. "Checked against" is the translation's
 * `source_revision` (written by `verity verify`), else the last commit of the translation file.
 * The git part is git-content-changes.ts; the groups are site/translations.ts.
 */
import type { ContentChange, ContentHistory } from "../git/content-changes.ts";
import type { Finding } from "../lint/findings.ts";
import { formatScalar, insertFieldsAfter, joinLines, readFrontmatterLines, setFieldValue } from "../cards/frontmatter-edit.ts";
import type { Card } from "../cards/load.ts";
import { getTranslations } from "../site/translations.ts";

export interface OutdatedTranslation {
  translation: Card;
  source: Card;
  change: ContentChange;
}

/** The outdated translations among `cards`, by translation card; empty without git history. */
export function findOutdatedTranslations(cards: readonly Card[], history: ContentHistory | undefined): Map<Card, OutdatedTranslation> {
  const result = new Map<Card, OutdatedTranslation>();
  if (!history) return result;
  for (const group of getTranslations(cards).groups) {
    for (const translation of group.translations) {
      const since = translation.data.source_revision ?? history.lastCommit(translation.relPath);
      if (!since) continue; // never committed: written just now, from the current source
      const change = history.changesSince(group.source.relPath, { commit: since });
      if (change) result.set(translation, { translation, source: group.source, change });
    }
  }
  return result;
}

/** One line: which source commit changed it and how much, e.g. `source changed in 3f9c2ab (2026-11-30): +3 -1 lines since 1a2b3c4`. */
export function describeDrift({ change }: OutdatedTranslation): string {
  const newest = change.commits[0];
  const subject = newest && newest.subject.length > 60 ? `${newest.subject.slice(0, 59)}…` : newest?.subject;
  const where = newest ? `in ${newest.hash} (${newest.date}${subject ? `, "${subject}"` : ""})` : "in uncommitted changes";
  const more = change.commits.length > 1 ? ` and ${change.commits.length - 1} earlier ${change.commits.length === 2 ? "commit" : "commits"}` : "";
  return `source changed ${where}${more}: +${change.added} -${change.removed} lines since ${change.since}`;
}

export function driftFindings(outdated: ReadonlyMap<Card, OutdatedTranslation>): Finding[] {
  return [...outdated.values()].map((o) => ({
    ruleId: "translation-outdated",
    severity: "warning",
    file: o.translation.file,
    line: o.translation.fieldLines.translation_of ?? 1,
    column: 1,
    message:
      `Translation may be out of date: its ${describeDrift(o)}. ` +
      `Compare with "git diff ${o.change.since} -- ${o.source.relPath}", update the translation, then run: verity verify ${o.translation.relPath}`,
  }));
}

/** Sets (or adds after verified_by / verify_by) `source_revision: <hash>` in a translation's text. */
export function stampSourceRevision(text: string, revision: string): string {
  const fm = readFrontmatterLines(text);
  if (!fm) return text;
  if (fm.fields.has("source_revision")) setFieldValue(fm, "source_revision", revision);
  else {
    const after = ["verified_by", "verified_on", "verify_by", "verify-by", "translation_of"].find((key) => fm.fields.has(key));
    if (!after) return text;
    insertFieldsAfter(fm, after, [{ key: "source_revision", raw: formatScalar(revision, "double") }]);
  }
  return joinLines(fm);
}
