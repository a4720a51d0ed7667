/**
 * A synonym word may honestly share an internal-only collection's short name (its title) with the help
 * center, never its description: the leak check excused every collection needle of up to four words
 * on a page's synonym words, so a short description ("Nightjar desk for agents") written into
 * style-guide/synonyms.yml reached the public pages and search data with lint and the check silent.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkLeaks } from "../../src/build/leak-scan.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { makeProject, makeTempDir, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const card = (title: string, audience: string, body: string) => `---\ntitle: ${title}\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-31\n---\n\n${body}\n`;

async function leaksWithSynonyms(synonyms: string, page: string) {
  const root = makeProject({
    "content/ops/_collection.yml": "title: Falcon desk\ndescription: Nightjar desk for agents\ndefaults:\n  audience: internal\n",
    "content/ops/runbook.md": card("Terminal PIN runbook", "internal", "Escalate to the payments on-call engineer."),
    "content/help/refunds.md": card("Refund a payment", "external", "Open the payment and choose Refund. Refunds take five days."),
    "style-guide/synonyms.yml": synonyms,
  });
  const dir = makeTempDir("verity-site-");
  mkdirSync(path.join(dir, "help/refunds"), { recursive: true });
  writeFileSync(path.join(dir, "help/refunds/index.html"), `<html><body><main><h1>Refund a payment</h1><p>Open the payment and choose Refund.</p><div hidden class="search-terms"><p>${page}</p></div></main></body></html>`);
  const report = await checkLeaks(loadProject({ cwd: root, root, today: "2026-12-01" }), dir);
  return report.findings.map((f) => (f.type === "text" ? f.needle?.text : f.leaked));
}

describe("an internal-only collection's words in the synonyms file", () => {
  it("its description on a public page is a leak, however short", async () => {
    expect(await leaksWithSynonyms("- en: [refund, nightjar desk for agents]\n", "refund · nightjar desk for agents")).toContain("Nightjar desk for agents");
  });

  it("its title, a short name, stays excused as a synonym", async () => {
    expect(await leaksWithSynonyms("- en: [refund, falcon desk]\n", "refund · falcon desk")).toEqual([]);
  });
});
