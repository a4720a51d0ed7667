/**
 * What the MCP server accepts as tool arguments and resource URIs: one language-tag rule for every
 * `lang`, no argument a tool does not know, and an invalid-params error (never "Internal error")
 * for a resource URI that names no card.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { ErrorCode, McpError, ResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KnowledgeBase } from "../../src/app/knowledge/knowledge-base.ts";
import { createMcpServer } from "../../src/mcp/server.ts";
import { REPO_ROOT } from "../helpers.ts";

type ToolResult = { isError?: boolean; content: { type: string; text?: string }[]; structuredContent?: Record<string, unknown> };

let client: Client;
beforeAll(async () => {
  const kb = KnowledgeBase.load({ cwd: REPO_ROOT, root: REPO_ROOT, site: "public", today: "2026-12-01" });
  const server = createMcpServer(kb, "test");
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  client = new Client({ name: "verity-test", version: "1.0.0" });
  await client.connect(clientSide);
}, 60_000);
afterAll(async () => client?.close());

async function call(name: string, args: Record<string, unknown>): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

function text(result: ToolResult): string {
  return result.content.map((part) => part.text ?? "").join("\n");
}

describe("lang arguments", () => {
  it("search_cards and list_cards take the same language-tag schema", async () => {
    const { tools } = await client.listTools();
    const lang = (name: string) => (tools.find((tool) => tool.name === name)!.inputSchema.properties as Record<string, Record<string, unknown>>).lang;
    expect(lang("search_cards")).toMatchObject({ type: "string", maxLength: 35, pattern: expect.any(String) });
    const { description: _search, ...searchLang } = lang("search_cards")!;
    const { description: _list, ...listLang } = lang("list_cards")!;
    expect(listLang).toEqual(searchLang);
  });

  it("refuses a lang that is not a language tag, in both tools, with a message that says what is expected", async () => {
    for (const bad of ["not a tag", "EN", "en_US", "en-", `en-${"a".repeat(40)}`, "en-abcdefghi", "en-a-b-c-d", "ko\n"]) {
      for (const [tool, args] of [["search_cards", { query: "refund" }], ["list_cards", {}]] as const) {
        const result = await call(tool, { ...args, lang: bad });
        expect(result.isError, `${tool} lang=${JSON.stringify(bad)}`).toBe(true);
        expect(text(result)).toMatch(/language tag such as en, ko or zh-Hant/);
      }
    }
  });

  it("accepts real language tags", async () => {
    for (const good of ["en", "ko", "zh-Hant", "zh-Hant-TW", "en-US", "sr-Latn-RS-x"]) {
      expect((await call("search_cards", { query: "refund", lang: good })).isError, good).not.toBe(true);
      expect((await call("list_cards", { lang: good })).isError, good).not.toBe(true);
    }
    const korean = (await call("list_cards", { lang: "ko" })).structuredContent as { cards: { lang: string }[] };
    expect(korean.cards.length).toBeGreaterThan(0);
    expect(korean.cards.every((card) => card.lang === "ko")).toBe(true);
  });
});

describe("unknown tool arguments", () => {
  const calls: [string, Record<string, unknown>][] = [
    ["search_cards", { query: "refund" }],
    ["get_card", { card: "billing/refund-a-payment" }],
    ["list_cards", {}],
    ["trust_summary", {}],
  ];

  it("every tool declares that it takes no other arguments", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(calls.map(([name]) => name).sort());
    for (const tool of tools) expect(tool.inputSchema.additionalProperties, tool.name).toBe(false);
  });

  it("every tool refuses an argument it does not know, naming it, and answers without it", async () => {
    for (const [name, args] of calls) {
      const refused = await call(name, { ...args, evil: 1 });
      expect(refused.isError, name).toBe(true);
      expect(text(refused)).toMatch(/Input validation error/);
      expect(text(refused)).toMatch(/Unknown argument "evil": this tool takes (query, lang, limit|card|collection, tag, lang, status|no arguments)$/);
      expect((await call(name, args)).isError, name).not.toBe(true);
    }
  });

  // JSON's "__proto__" key is an own property; the protocol's parse of the arguments dropped it without a word.
  it("refuses a __proto__ argument, as JSON sends it, instead of dropping it", async () => {
    for (const [name, args] of calls) {
      const withProto = { ...args, ...(JSON.parse('{"__proto__": {"collection": "billing"}}') as Record<string, unknown>) };
      const error = await client.callTool({ name, arguments: withProto }).then(
        (result) => (result as ToolResult).isError === true ? text(result as ToolResult) : "answered",
        (caught: Error) => caught.message,
      );
      expect(error, name).toMatch(/Unknown argument "__proto__"/);
    }
  });
});

describe("card resources", () => {
  async function readError(uri: string): Promise<McpError> {
    const error = await client.readResource({ uri }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error, uri).toBeInstanceOf(McpError);
    return error as McpError;
  }

  it("answers a malformed percent escape with invalid params, not an internal error", async () => {
    for (const uri of ["verity://cards/%E0%A4%A", "verity://cards/billing/%ZZ", "verity://cards/%"]) {
      const error = await readError(uri);
      expect(error.code, uri).toBe(ErrorCode.InvalidParams);
      expect(error.message).toMatch(/not a card id: its percent escapes are malformed/);
      expect(error.message).not.toMatch(/Internal error|URI malformed/);
    }
  });

  it("answers a URI that is no URL at all (a bare id, text, an empty string) with invalid params, not an internal error", async () => {
    for (const uri of ["billing/refund-a-payment", "not a uri", "", "://cards/x"]) {
      const error = await readError(uri);
      expect(error.code, JSON.stringify(uri)).toBe(ErrorCode.InvalidParams);
      expect(error.message, JSON.stringify(uri)).toMatch(/not a URI/);
      expect(error.message).toMatch(/verity:\/\/cards\//);
      expect(error.message).not.toMatch(/Internal error|Invalid URL/);
    }
    expect((await call("search_cards", { query: "refund" })).isError).not.toBe(true);
  });

  it("answers a card this site does not have with invalid params", async () => {
    const error = await readError("verity://cards/billing/no-such-card");
    expect(error.code).toBe(ErrorCode.InvalidParams);
    expect(error.message).toMatch(/No card billing\/no-such-card on this site/);
  });

  it("still reads a card, percent-encoded or not", async () => {
    for (const uri of ["verity://cards/billing/refund-a-payment", "verity://cards/billing%2Frefund-a-payment"]) {
      const resource = await client.readResource({ uri });
      expect(String((resource.contents[0] as { text: string }).text), uri).toContain("Verified until");
    }
  });
});

describe("requests whose params do not fit the protocol", () => {
  async function requestError(method: string, params: unknown): Promise<McpError> {
    const error = await client.request({ method, params } as never, ResultSchema).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error, `${method} ${JSON.stringify(params)}`).toBeInstanceOf(McpError);
    return error as McpError;
  }

  it("answers invalid params, naming the field, never an internal error", async () => {
    const cases: [string, unknown, RegExp][] = [
      ["tools/call", { name: "search_cards", arguments: [] }, /params\.arguments/],
      ["tools/call", { name: 42 }, /params\.name/],
      ["tools/call", { arguments: { query: "refund" } }, /params\.name/],
      ["resources/read", { uri: 5 }, /params\.uri/],
      ["resources/list", { cursor: {} }, /params\.cursor/],
    ];
    for (const [method, params, field] of cases) {
      const error = await requestError(method, params);
      expect(error.code, `${method} ${JSON.stringify(params)}`).toBe(ErrorCode.InvalidParams);
      expect(error.message).toMatch(field);
      expect(error.message).not.toMatch(/Internal error/);
    }
    // And the server still answers.
    expect((await call("search_cards", { query: "refund" })).isError).not.toBe(true);
  });
});
