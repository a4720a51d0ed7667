/**
 * Whether a parsed JSON value is a JSON-RPC 2.0 message the server can take, read the same way for
 * a line on stdin and a body over HTTP: valid JSON that is not one is an invalid request (-32600),
 * answered with the id a client could be waiting on.
 */
import { JSONRPCMessageSchema, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

export type MessageCheck = { ok: true; message: JSONRPCMessage } | { ok: false; id: string | number | null; why: string };

const NOT_A_MESSAGE = 'not a JSON-RPC 2.0 message ("jsonrpc": "2.0", a string or number id, a method)';

/** One message: valid, or why not and its id. */
export function checkMessage(value: unknown): MessageCheck {
  const parsed = JSONRPCMessageSchema.safeParse(value);
  return parsed.success ? { ok: true, message: parsed.data } : { ok: false, id: idOf(value), why: NOT_A_MESSAGE };
}

/** Why an HTTP body (one message or a batch of them) is an invalid request, or undefined when it is none. */
export function invalidBody(value: unknown): { id: string | number | null; why: string } | undefined {
  if (!Array.isArray(value)) {
    const checked = checkMessage(value);
    return checked.ok ? undefined : checked;
  }
  const bad = value.findIndex((member) => !JSONRPCMessageSchema.safeParse(member).success);
  return bad === -1 ? undefined : { id: null, why: `message ${bad + 1} of the batch is ${NOT_A_MESSAGE}` };
}

/** The id of a message that is not valid, when it is one a client could wait on. */
function idOf(value: unknown): string | number | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === "string" || (typeof id === "number" && Number.isFinite(id)) ? id : null;
}
