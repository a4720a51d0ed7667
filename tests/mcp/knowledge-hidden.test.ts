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
});
