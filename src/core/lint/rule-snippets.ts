/**
 * `snippet-missing`: a card includes a snippet (`::snippet{name="..."}` or `<Snippet name="..." />`)
 * that `content/_snippets/` does not have. `snippet-audience`: an external card includes an
 * internal snippet (a snippet inherits the strictest audience rule; no `audience` is internal), or
 * a snippet it includes links to something the public site does not have. Links in an included
 * snippet are resolved as if the card had them (`link-broken` style), reported at the include line
 * with the snippet's own file and line.
 */
import path from "node:path";
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { cardAudience, isOnSite } from "../site/audience.ts";
import { collectLinks } from "../site/link-extract.ts";
import { contentDirOfCard, resolveLink } from "../site/links.ts";
import type { Card } from "../cards/load.ts";
import { parseCalendarDate } from "../verification/calendar-date.ts";
import type { Finding } from "./findings.ts";
import type { Project } from "../project/project.ts";
import { MAX_INCLUDED_CHARS, mayIncludeSnippet, rebaseSnippetUrl, snippetReferences, snippetsOf, snippetUsage, SNIPPET_DIR } from "../cards/snippets.ts";
import { getVerification } from "../verification/verification.ts";
import { ruleContext } from "./context.ts";

/** The rules that follow a card's snippet includes read its tree only when it may include one (`readsTree`). */
export function readsSnippetTree(card: Card): boolean {
  return mayIncludeSnippet(card.source);
}

export const snippetMissing = lintRule<Root>("verity:snippet-missing", (tree, file) => {
  const { card, index } = ruleContext(file.data);
  const contentDir = contentDirOfCard(card);
  if (!contentDir || !readsSnippetTree(card)) return;
  const snippets = snippetsOf(contentDir, index);
  let included = 0;
  for (const reference of snippetReferences(tree)) {
    const snippet = snippets.get(reference.name);
    const place = { line: reference.line, column: reference.column };
    if (snippet && included <= MAX_INCLUDED_CHARS && (included += snippet.source.length) > MAX_INCLUDED_CHARS) {
      file.message(
        `With this include the card has ${included.toLocaleString("en-US")} characters of snippets, more than the ${MAX_INCLUDED_CHARS.toLocaleString("en-US")} characters of snippet text a card may include: ` +
          "from here on its includes show nothing. Include each snippet once, or split the card.",
        place,
      );
    }
    if (snippet?.unreadable !== undefined) {
      file.message(`The snippet "${snippet.name}" (${snippetPlace(contentDir, snippet.file)}) ${snippet.unreadable}. Until then the include shows nothing.`, place);
      continue;
    }
    if (!snippet) {
      const names = [...snippets.values()].filter((s) => s.unreadable === undefined).map((s) => s.name);
      file.message(
        `There is no snippet "${reference.name}" (${SNIPPET_DIR}/${reference.name || "<name>"}.md). ` +
          (names.length > 0 ? `Snippets: ${names.join(", ")}.` : `Create ${SNIPPET_DIR}/${reference.name || "<name>"}.md in the content folder.`),
        place,
      );
      continue;
    }
    for (const link of collectLinks(snippet.tree)) {
      const target = resolveLink(card, rebaseSnippetUrl(link.url, snippet.file, card.file), index);
      if (target.kind === "broken") file.message(`The snippet ${snippetPlace(contentDir, snippet.file, link.line)} has a broken link to ${link.url}: ${target.reason}.`, place);
    }
  }
});

export const snippetAudience = lintRule<Root>("verity:snippet-audience", (tree, file) => {
  const { card, index } = ruleContext(file.data);
  const contentDir = contentDirOfCard(card);
  if (!contentDir || !isOnSite(card, "public") || !readsSnippetTree(card)) return;
  const snippets = snippetsOf(contentDir, index);
  for (const reference of snippetReferences(tree)) {
    const snippet = snippets.get(reference.name);
    // A file that is no snippet (snippet-missing says what it is) has no audience to check.
    if (!snippet || snippet.unreadable !== undefined) continue;
    const place = { line: reference.line, column: reference.column };
    if (snippet.audience !== "external") {
      file.message(
        `This external card includes the internal snippet "${snippet.name}" (${snippetPlace(contentDir, snippet.file)}): its text must never reach the public help center. ` +
          `Set audience: external in the snippet if customers may read it, or remove the include.`,
        place,
      );
      continue;
    }
    for (const link of collectLinks(snippet.tree)) {
      const target = resolveLink(card, rebaseSnippetUrl(link.url, snippet.file, card.file), index);
      const hidden = (target.kind === "card" && !isOnSite(target.card, "public")) || (target.kind === "page" && !target.sites.includes("public")) || ((target.kind === "card" || target.kind === "page") && target.via === "internal");
      if (!hidden) continue;
      const what = target.kind === "card" ? `${target.card.relPath}, which is ${cardAudience(target.card) === "internal" ? "internal" : "a draft"}` : `${link.url}, which the public site does not have`;
      file.message(`The snippet ${snippetPlace(contentDir, snippet.file, link.line)} included by this external card links to ${what}. Link to a public card instead.`, place);
    }
  }
});

/** Where a snippet (and a line of it) is, as a path from the repository root. */
export function snippetPlace(contentDir: string, snippetFile: string, line?: number): string {
  const rel = path.relative(path.dirname(contentDir), snippetFile).split(path.sep).join("/");
  return line === undefined ? rel : `${rel}:${line}`;
}

/**
 * `snippet-verify-by`: a snippet without an owner or a valid `verify_by`, or whose `verify_by` has
 * passed, at the snippet's line, with the cards that use it (lint knows every include).
 */
export function checkSnippets(project: Project): Finding[] {
  const snippets = snippetsOf(project.contentDir, project.index);
  if (snippets.size === 0) return [];
  const usage = snippetUsage(project.cards);
  const findings: Finding[] = [];
  for (const snippet of snippets.values()) {
    // Read from no file: its includes say why (snippet-missing), and it has no frontmatter to check.
    if (snippet.unreadable !== undefined) continue;
    const usedBy = usage.get(snippet.name) ?? [];
    const usedIn = usedBy.length > 0 ? ` Used in: ${usedBy.slice(0, 10).map((c) => c.relPath).join(", ")}${usedBy.length > 10 ? `, and ${usedBy.length - 10} more` : ""}.` : " No card uses it.";
    const lineOf = (key: string) => {
      const at = snippet.source.split("\n").findIndex((text) => text.startsWith(`${key}:`));
      return at < 0 ? 1 : at + 1;
    };
    const report = (line: number, message: string) => findings.push({ ruleId: "snippet-verify-by", severity: "error", file: snippet.file, line, column: 1, message: message + usedIn });
    for (const problem of snippet.problems) report(problem.line, problem.message);
    if (!snippet.owner) report(1, 'The snippet has no owner. Add owner: "@team" to its frontmatter, as for a card.');
    const verifyBy = snippet.verifyBy ? parseCalendarDate(snippet.verifyBy) : undefined;
    if (!verifyBy) {
      report(lineOf("verify_by"), "The snippet has no valid verify_by (YYYY-MM-DD). Add one, as for a card.");
      continue;
    }
    const verification = getVerification(verifyBy, project.policy);
    if (verification.status === "expired") {
      report(lineOf("verify_by"), `The snippet's verify_by (${verifyBy}) passed ${-verification.daysLeft} day(s) ago: ${snippet.owner ?? "its owner"} must re-check it and move verify_by forward.`);
    }
  }
  return findings;
}
