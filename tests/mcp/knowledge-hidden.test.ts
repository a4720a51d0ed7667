/** The MCP knowledge base answers with what a card's page shows: never text its HTML hides. */
import { afterAll, describe, expect, it } from "vitest";
import { KnowledgeBase } from "../../src/app/knowledge/knowledge-base.ts";
import { makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const head = `---\ntitle: Refunds\nowner: "@acme/x"\naudience: external\nverify_by: 2030-01-01\n---\n`;

describe("knowledge base and hidden text", () => {
  it("neither finds a card by, nor hands out, text inside <script> or an unused footnote", async () => {
    const root = makeProject({
      "content/help/refunds.md": `${head}\n## Escalation <script>zebraquartz</script> steps\n\nAsk support.\n\n[^ops]: Call ops, vault token plutonicvault.\n`,
    });
    const kb = KnowledgeBase.load({ cwd: root, root, today: "2029-01-01", site: "public" });
    expect(kb.search("support").results.map((r) => r.id)).toEqual(["help/refunds"]);
    expect(kb.search("zebraquartz").results).toEqual([]);
    expect(kb.search("plutonicvault").results).toEqual([]);
    const detail = await kb.get("help/refunds");
    expect(JSON.stringify(detail)).not.toMatch(/zebraquartz|plutonicvault/);
  });

  // The build refuses such a card (address-audience, mandatory); this server does not lint, so it withholds it.
  it("does not serve, on the public site, an external card whose page would name an internal card's address", async () => {
    const internal = head.replace("audience: external", "audience: internal").replace("Refunds", "Runbook");
    const root = makeProject({
      "content/help/refunds.md": `${head}\nAgents follow /ops/runbook/ for refunds.\n`,
      "content/help/plain.md": head.replace("Refunds", "Plain refunds") + "\nAsk support for refunds.\n",
      "content/ops/runbook.md": `${internal}\nThe vault steps.\n`,
    });
    const ids = (site: "public" | "internal") => KnowledgeBase.load({ cwd: root, root, today: "2029-01-01", site }).search("refunds").results.map((r) => r.id).sort();
    expect(ids("public")).toEqual(["help/plain"]);
    expect(ids("internal")).toEqual(["help/plain", "help/refunds"]);
    await expect(KnowledgeBase.load({ cwd: root, root, today: "2029-01-01", site: "public" }).get("help/refunds")).resolves.toBeUndefined();
  });

  // The page drops a link's text when it is the address of a card the site lacks: searching for it must not find the card either.
  it("does not find a public card by the text of a link its page drops (an internal card's address)", async () => {
    const internal = head.replace("audience: external", "audience: internal").replace("Refunds", "Runbook");
    const root = makeProject({
      "content/help/refunds.md": `${head}
Ask support. The notes moved to [escalate-zebra.md](escalate-zebra.md) and <a href="escalate-zebra.md">escalate-zebra.md</a>.
`,
      "content/help/escalate-zebra.md": `${internal}
The vault steps.
`,
      "verity.config.yml": "rules:\n  link-audience: off\n",
    });
    const kb = (site: "public" | "internal") => KnowledgeBase.load({ cwd: root, root, today: "2029-01-01", site });
    expect(kb("public").search("support").results.map((r) => r.id)).toEqual(["help/refunds"]);
    expect(kb("public").search("zebra").results).toEqual([]);
    expect(kb("internal").search("zebra").results.map((r) => r.id)).toContain("help/refunds");
  });

  // The same link in a heading: its text left the page's heading, and the card's headings and search with it.
  it("names no internal card's address in a public card's headings, nor finds the card by it", async () => {
    const internal = head.replace("audience: external", "audience: internal").replace("Refunds", "Runbook");
    const root = makeProject({
      "content/help/refunds.md": `${head}
## Notes in [escalate-zebra.md](escalate-zebra.md)

Ask support.
`,
      "content/help/escalate-zebra.md": `${internal}
The vault steps.
`,
      "verity.config.yml": "rules:\n  link-audience: off\n",
    });
    const kb = (site: "public" | "internal") => KnowledgeBase.load({ cwd: root, root, today: "2029-01-01", site });
    const detail = await kb("public").get("help/refunds");
    expect(detail?.headings).toEqual(["Notes in"]);
    expect(JSON.stringify(detail)).not.toMatch(/zebra/);
    expect(kb("public").search("zebra").results).toEqual([]);
    expect(kb("public").search("notes").results.map((r) => r.id)).toEqual(["help/refunds"]);
    expect((await kb("internal").get("help/refunds"))?.headings).toEqual(["Notes in escalate-zebra.md"]);
  });
});
