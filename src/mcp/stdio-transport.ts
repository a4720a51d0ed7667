/**
 * The stdio transport of `verity mcp`: one JSON-RPC message a line on stdin, one answer a line on
 * stdout. It answers every line, as the HTTP transport answers every body: a line that is not JSON
 * gets -32700, one that is not a JSON-RPC message (`"jsonrpc": "1.0"`, an object as id, a batch,
 * `null`) -32600 with its id when it has one, and a line over {@link MAX_LINE_BYTES} -32600 without
 * being kept. The SDK's own stdio transport dropped such a line without a word (a client waiting for
 * the answer to `"id": 1` waited forever) and stopped serving at all after a line of 10 MB.
 *
 * When stdin ends (`verity mcp < requests.jsonl`), the last line is read even without its newline,
 * and the transport closes only once every request read is answered (or cancelled by the client),
 * or after {@link DRAIN_MS}: closing at once would drop the answers still being worked on.
 */
import process from "node:process";
import type { Readable, Writable } from "node:stream";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { checkMessage } from "./json-rpc-check.ts";

/** Longest line read: the same limit as an HTTP body. */
export const MAX_LINE_BYTES = 1_000_000;

/** Longest wait, after stdin ends, for the answers to the requests already read. */
export const DRAIN_MS = 60_000;

const NEWLINE = 0x0a;

export class LineStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private chunks: Buffer[] = [];
  private size = 0;
  /** True while the rest of a line over the limit is skipped (it was answered when it passed the limit). */
  private skipping = false;
  private closed = false;
  /** Requests handed on and not yet answered, by id (JSON), with how many carry that id. */
  private readonly unanswered = new Map<string, number>();
  private ended = false;
  private drainTimer: NodeJS.Timeout | undefined;
  private readonly onData = (chunk: Buffer) => this.read(chunk);
  private readonly onError = (error: Error) => this.onerror?.(error);
  private readonly onEnd = () => this.end();
  /** Nobody reads the answers any more (the client closed its end of stdout): nothing is left to do. */
  private readonly onOutputGone = () => void this.close();

  private readonly input: Readable;
  private readonly output: Writable;
  private readonly maxLineBytes: number;

  constructor(input: Readable = process.stdin, output: Writable = process.stdout, maxLineBytes = MAX_LINE_BYTES) {
    this.input = input;
    this.output = output;
    this.maxLineBytes = maxLineBytes;
  }

  async start(): Promise<void> {
    this.input.on("data", this.onData);
    this.input.on("error", this.onError);
    this.input.on("end", this.onEnd);
    this.output.on("error", this.onOutputGone);
    this.output.on("close", this.onOutputGone);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off("data", this.onData);
    this.input.off("error", this.onError);
    this.input.off("end", this.onEnd);
    this.output.off("error", this.onOutputGone);
    this.output.off("close", this.onOutputGone);
    if (this.input.listenerCount("data") === 0) this.input.pause();
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.chunks = [];
    this.onclose?.();
  }

  send(message: JSONRPCMessage): Promise<void> {
    if ("id" in message && ("result" in message || "error" in message)) this.answered(message.id ?? null);
    const sent = new Promise<void>((resolve) => {
      if (this.closed || this.output.destroyed || !this.output.writable) return resolve();
      if (this.output.write(`${JSON.stringify(message)}\n`)) resolve();
      else {
        this.output.once("drain", resolve);
        this.output.once("close", resolve);
      }
    });
    if (this.ended && this.unanswered.size === 0) void sent.then(() => this.close());
    return sent;
  }

  /** stdin ended: reads what is left of the last line, and closes once the requests read are answered. */
  private end(): void {
    if (this.ended) return;
    this.finishLine();
    this.ended = true;
    if (this.unanswered.size === 0) return void this.close();
    this.drainTimer = setTimeout(() => void this.close(), DRAIN_MS);
  }

  /** The line gathered so far is whole: handled, unless it was over the limit (answered when it passed it). */
  private finishLine(): void {
    const skipped = this.skipping;
    const line = Buffer.concat(this.chunks).toString("utf8");
    this.chunks = [];
    this.size = 0;
    this.skipping = false;
    if (!skipped) this.handleLine(line.replace(/\r$/, ""));
  }

  private answered(id: string | number | null): void {
    const key = JSON.stringify(id);
    const count = this.unanswered.get(key);
    if (count === undefined) return;
    if (count > 1) this.unanswered.set(key, count - 1);
    else this.unanswered.delete(key);
  }

  private read(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      this.take(chunk.subarray(start, end));
      this.finishLine();
      start = end + 1;
    }
    this.take(chunk.subarray(start));
  }

  /** Keeps a part of the current line, unless the line is already over the limit. */
  private take(part: Buffer): void {
    if (this.skipping || part.length === 0) return;
    this.size += part.length;
    if (this.size <= this.maxLineBytes) {
      this.chunks.push(part);
      return;
    }
    this.chunks = [];
    this.skipping = true;
    this.answerError(null, ErrorCode.InvalidRequest, `Invalid request: a message over ${this.maxLineBytes} bytes; send a smaller JSON-RPC message, one a line.`);
  }

  private handleLine(line: string): void {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return this.answerError(null, ErrorCode.ParseError, "Parse error: the line is not JSON. Send one JSON-RPC message a line.");
    }
    if (Array.isArray(value)) return this.answerError(null, ErrorCode.InvalidRequest, "Invalid request: a batch (over stdio, send one message a line).");
    const checked = checkMessage(value);
    if (!checked.ok) return this.answerError(checked.id, ErrorCode.InvalidRequest, `Invalid request: ${checked.why}.`);
    const message = checked.message;
    if ("method" in message && "id" in message) {
      const key = JSON.stringify(message.id);
      this.unanswered.set(key, (this.unanswered.get(key) ?? 0) + 1);
    } else if ("method" in message && message.method === "notifications/cancelled") {
      // A cancelled request is never answered: the SDK drops its result.
      this.answered((message.params as { requestId?: string | number } | undefined)?.requestId ?? null);
    }
    this.onmessage?.(message);
  }

  private answerError(id: string | number | null, code: number, message: string): void {
    // An id of null is what JSON-RPC answers when the request's own id cannot be read.
    void this.send({ jsonrpc: "2.0", id, error: { code, message } } as unknown as JSONRPCMessage).catch(() => undefined);
  }
}

