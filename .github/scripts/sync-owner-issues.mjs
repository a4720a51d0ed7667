#!/usr/bin/env node
// Keeps one open issue "Cards to verify: <owner>" per owner with expired or expiring cards, with
// the GitHub CLI (`gh`, authenticated by GH_TOKEN). Input: the JSON of
// `verity report --format issues`. Issues of owners with nothing left to verify are closed.
//
//   node .github/scripts/sync-owner-issues.mjs reports/owner-issues.json [--dry-run]
//
// Plain JavaScript on purpose: it runs on whatever Node the runner has.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const LABEL = "cards-to-verify";
export const TITLE_PREFIX = "Cards to verify: ";

/**
 * What to do so that exactly the wanted issues are open: update an open issue with the same
 * title, else create one; close open ones (with our label and title prefix) nobody wants, and
 * duplicates of a wanted one.
 * @param {{ title: string, body: string }[]} wanted
 * @param {{ number: number, title: string }[]} open
 */
export function planIssueActions(wanted, open) {
  const actions = [];
  const used = new Set();
  for (const issue of wanted) {
    const existing = open.find((o) => o.title === issue.title && !used.has(o.number));
    if (existing) {
      used.add(existing.number);
      actions.push({ type: "update", number: existing.number, title: issue.title, body: issue.body });
    } else {
      actions.push({ type: "create", title: issue.title, body: issue.body });
    }
  }
  for (const issue of open) {
    if (used.has(issue.number) || !issue.title.startsWith(TITLE_PREFIX)) continue;
    const isDuplicate = wanted.some((w) => w.title === issue.title);
    actions.push({ type: "close", number: issue.number, title: issue.title, reason: isDuplicate ? "duplicate" : "done" });
  }
  return actions;
}

/** Runs the plan with `gh`; returns the actions taken. */
export function syncIssues(wanted, { gh, dryRun = false, log = console.log }) {
  if (!dryRun) {
    gh(["label", "create", LABEL, "--color", "D93F0B", "--description", "A card owner has cards to re-verify", "--force"]);
  }
  const open = JSON.parse(gh(["issue", "list", "--label", LABEL, "--state", "open", "--limit", "1000", "--json", "number,title"]) || "[]");
  const actions = planIssueActions(wanted, open);
  for (const action of actions) {
    if (action.type === "create") {
      log(`create: ${action.title}`);
      if (!dryRun) gh(["issue", "create", "--title", action.title, "--label", LABEL, "--body-file", "-"], action.body);
    } else if (action.type === "update") {
      log(`update #${action.number}: ${action.title}`);
      if (!dryRun) gh(["issue", "edit", String(action.number), "--body-file", "-"], action.body);
    } else {
      log(`close #${action.number}: ${action.title} (${action.reason === "duplicate" ? "duplicate" : "no card left to verify"})`);
      const comment =
        action.reason === "duplicate"
          ? "Closed as a duplicate: another open issue lists the same owner's cards."
          : "No card of this owner is expired or expiring any more. Closed by the freshness workflow.";
      if (!dryRun) gh(["issue", "close", String(action.number), "--comment", comment]);
    }
  }
  return actions;
}

function runGh(args, input) {
  return execFileSync("gh", args, { input, encoding: "utf8", stdio: ["pipe", "pipe", "inherit"] });
}

function main(argv) {
  const file = argv.find((a) => !a.startsWith("--"));
  if (!file) {
    process.stderr.write("usage: sync-owner-issues.mjs <owner-issues.json> [--dry-run]\n");
    return 2;
  }
  const wanted = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(wanted)) {
    process.stderr.write(`${file}: expected the JSON array of "verity report --format issues"\n`);
    return 2;
  }
  const actions = syncIssues(wanted, { gh: runGh, dryRun: argv.includes("--dry-run") });
  const count = (type) => actions.filter((a) => a.type === type).length;
  console.log(`${count("create")} created, ${count("update")} updated, ${count("close")} closed.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
