/**
 * An error no tool expects (a file removed while a card was read, a file the server may not read)
 * says what went wrong in its own words, which name files: an internal snippet, a path of the
 * server's machine. The public server tells its client only that it could not answer, and logs the
 * cause for its operator; the wiki's server answers with the cause.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { describe, expect, it } from "vitest";
import type { KnowledgeBase, KnowledgeSource } from "../../src/app/knowledge/knowledge-base.ts";
import type { SiteName } from "../../src/core/site/audience.ts";
import { createMcpServer } from "../../src/mcp/server.ts";

const CAUSE = "ENOENT: no such file or directory, open '/srv/kb/content/_snippets/escalation-contacts.md'";

/** A source whose every card read fails as a file vanishing mid-read would. */
function failingSource(site: SiteName): KnowledgeSource {
  const fail = () => {
    throw Object.assign(new Error(CAUSE), { code: "ENOENT" });
  };
  const kb = { get: async () => fail(), search: fail, list: fail, trust: fail, all: fail } as unknown as KnowledgeBase;
  return { site, current: async () => kb };
}

async function connect(site: SiteName, log: string[]): Promise<Client> {
  const server = createMcpServer(failingSource(site), "test", (line) => log.push(line));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "verity-test", version: "1.0.0" });
  await client.connect(clientSide);
  return client;
}

type ToolResult = { isError?: boolean; content: { type: string; text?: string }[] };

describe("an unexpected error while answering", () => {
  it("on the public server: the client hears that it could not answer, the log has the cause", async () => {
    const log: string[] = [];
    const client = await connect("public", log);
    try {
      for (const [name, args] of [["get_card", { card: "billing/refunds" }], ["search_cards", { query: "refund" }], ["list_cards", {}], ["trust_summary", {}]] as const) {
        const result = (await client.callTool({ name, arguments: args })) as ToolResult;
        expect(result.isError, name).toBe(true);
        expect(result.content[0]?.text, name).toMatch(/could not answer/);
        expect(result.content[0]?.text, name).not.toMatch(/escalation-contacts|\/srv\/kb|ENOENT/);
      }
      const read = await client.readResource({ uri: "verity://cards/billing/refunds" }).then(
        () => "answered",
        (error: Error) => error.message,
      );
      expect(read).toMatch(/could not answer/);
      expect(read).not.toMatch(/escalation-contacts|\/srv\/kb/);
      const listed = await client.listResources().then(
        () => "answered",
        (error: Error) => error.message,
      );
      expect(listed).not.toMatch(/escalation-contacts|\/srv\/kb/);
      expect(log.length).toBeGreaterThanOrEqual(6);
      expect(log.every((line) => line.includes(CAUSE))).toBe(true);
    } finally {
      await client.close();
    }
  });

  it("on the wiki's server: the client hears the cause", async () => {
    const client = await connect("internal", []);
    try {
      const result = (await client.callTool({ name: "get_card", arguments: { card: "billing/refunds" } })) as ToolResult;
      expect(result.isError).toBe(true);
      expect(result.content[0]?.text).toContain(CAUSE);
    } finally {
      await client.close();
    }
  });
});
