/**
 * `verity mcp` over stdio answers every line: the SDK's transport dropped a line that was not JSON
 * or not JSON-RPC 2.0 without an answer (a client waiting on `"id": 1` of a `"jsonrpc": "1.0"`
 * message waited forever) and stopped serving after one line of 10 MB.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { LineStdioTransport } from "../../src/mcp/stdio-transport.ts";

async function drive(lines: (string | Buffer)[], maxLineBytes?: number) {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = "";
  output.on("data", (chunk: Buffer) => (written += chunk.toString("utf8")));
  const transport = new LineStdioTransport(input, output, maxLineBytes);
  const messages: JSONRPCMessage[] = [];
  let closed = false;
  transport.onmessage = (message) => messages.push(message);
  transport.onclose = () => (closed = true);
  await transport.start();
  for (const line of lines) input.write(line);
  await new Promise((resolve) => setImmediate(resolve));
  const answers = written
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: unknown; error?: { code: number; message: string } });
  return { messages, answers, closed };
}

describe("the stdio transport of verity mcp", () => {
  it("answers a line that is not JSON with -32700, and serves the next line", async () => {
    const { answers, messages } = await drive(['{not json\n', '{"jsonrpc":"2.0","id":2,"method":"ping"}\n']);
    expect(answers).toEqual([{ jsonrpc: "2.0", id: null, error: { code: -32700, message: expect.stringContaining("not JSON") } }]);
    expect(messages).toEqual([{ jsonrpc: "2.0", id: 2, method: "ping" }]);
  });

  it.each([
    ['{"jsonrpc":"1.0","id":1,"method":"ping"}', 1],
    ['{"jsonrpc":"2.0","id":"a","method":7}', "a"],
    ['{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}', null],
    ['[{"jsonrpc":"2.0","id":3,"method":"ping"}]', null],
    ["null", null],
    ['"text"', null],
  ])("answers %s with -32600 and the id it can read (%j)", async (line, id) => {
    const { answers, messages } = await drive([`${line}\n`]);
    expect(messages).toEqual([]);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.id).toBe(id);
    expect(answers[0]!.error?.code).toBe(-32600);
  });

  it("refuses a line over the limit at once, keeps none of it, and keeps serving", async () => {
    const big = `{"jsonrpc":"2.0","id":9,"method":"ping","params":{"_meta":{"x":"${"a".repeat(3000)}"}}}`;
    const { answers, messages, closed } = await drive([big.slice(0, 1500), big.slice(1500), '\n{"jsonrpc":"2.0","id":10,"method":"ping"}\n'], 1000);
    expect(closed).toBe(false);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ id: null, error: { code: -32600, message: expect.stringContaining("over 1000 bytes") } });
    expect(messages).toEqual([{ jsonrpc: "2.0", id: 10, method: "ping" }]);
  });

  it("joins a message split across reads, a multi-byte character included, and reads CRLF lines", async () => {
    const line = Buffer.from('{"jsonrpc":"2.0","id":"환불","method":"ping"}\r\n');
    const cut = line.indexOf(Buffer.from("환")) + 1;
    const { messages, answers } = await drive([line.subarray(0, cut), line.subarray(cut)]);
    expect(answers).toEqual([]);
    expect(messages).toEqual([{ jsonrpc: "2.0", id: "환불", method: "ping" }]);
  });

  it("when stdin ends, closes once the requests read are answered or cancelled, not before", async () => {
    const input = new PassThrough();
    const transport = new LineStdioTransport(input, new PassThrough());
    const messages: JSONRPCMessage[] = [];
    let closed = false;
    transport.onmessage = (message) => messages.push(message);
    transport.onclose = () => (closed = true);
    await transport.start();
    input.end('{"jsonrpc":"2.0","id":1,"method":"ping"}\n{"jsonrpc":"2.0","id":2,"method":"ping"}\n{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":2}}');
    await new Promise((resolve) => setImmediate(resolve));
    expect(messages).toHaveLength(3);
    expect(closed).toBe(false);
    await transport.send({ jsonrpc: "2.0", id: 1, result: {} });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(true);
  });
});
