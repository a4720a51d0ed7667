/**
 * The Model Context Protocol server: tools and resources over one site's knowledge. Every answer
 * carries the card's verification status, so an assistant can say "this expires soon, ask @owner".
 * The site (public or internal) is fixed when the server starts: a public server cannot be asked
 * for anything the public help center does not show.
 */
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ClientRequestSchema, ErrorCode, McpError, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { KnowledgeSource, ListFilter } from "../app/knowledge/knowledge-base.ts";
import { KnowledgeUnavailable } from "../app/knowledge/live-knowledge.ts";

export const SERVER_NAME = "verity";

const STATUS = z.enum(["verified", "expiring", "expired"]);

/**
 * A reader's or a card's language, as every tool takes it: a BCP 47 tag of a language and at most
 * three subtags (en, ko, zh-Hant, zh-Hant-TW), so no tool passes on an unbounded string.
 */
const LANG_TAG = z
  .string()
  .max(35)
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/, { message: "expected a language tag such as en, ko or zh-Hant (lower-case language, then up to three subtags)" });

/**
 * Tool arguments: a strict object, so an argument no tool declares (a typo, or a probe) is refused
 * with an invalid-params error that names it, instead of being dropped without a word.
 */
const args = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      const known = Object.keys(shape);
      const unknown = issue.keys.map((key) => JSON.stringify(key)).join(", ");
      return `Unknown argument ${unknown}: this tool takes ${known.length ? known.join(", ") : "no arguments"}`;
    },
  });

/**
 * A new MCP server answering from `source`. One per connection (stdio) or per request (stateless
 * HTTP). Every request asks the source for its knowledge base, so each answer reflects the cards as
 * they are now (see live-knowledge.ts), or fails with the reason they cannot be loaded.
 */
const OWNER = z.string().max(200);

export function createMcpServer(source: KnowledgeSource, version: string, log: (line: string) => void = () => {}): McpServer {
  const kb = () => source.current();
  /**
   * Runs a handler. An error it did not mean to give (a file removed while a card was read, one the
   * server may not read) speaks in its own words, which name files: an internal snippet's, a path of
   * the server's machine. The public server logs it and tells its client only that it could not answer.
   */
  const answer = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (source.site !== "public" || error instanceof McpError || error instanceof KnowledgeUnavailable) throw error;
      log(`could not answer a request: ${error instanceof Error ? error.message : String(error)}`);
      throw new McpError(ErrorCode.InternalError, "This server could not answer that request. Its log says why, for its operator.");
    }
  };
  const audience = source.site === "public" ? "the public help center (external cards only)" : "the internal support wiki (all published cards)";
  // The help center names no owner, and neither does its assistant: no owner in an answer, no filter by one.
  const namesOwners = source.site !== "public";
  const server = new CheckedMcpServer(
    { name: SERVER_NAME, version },
    {
      instructions:
        `Verified knowledge cards from ${audience}. Answer from these cards only, cite the card's URL, ` +
        `and pass on its verification note: an expired card may be out of date, so say so${namesOwners ? " and name its owner" : ""}.`,
    },
  );

  server.registerTool(
    "search_cards",
    {
      title: "Search cards",
      description:
        "Full-text search of the knowledge cards, in the reader's language first (Korean, Chinese, Japanese and English understood). " +
        `Returns the best cards with their URL, ${namesOwners ? "owner " : ""}and verification status.`,
      inputSchema: args({
        query: z.string().trim().min(1).max(500).describe("The question or keywords, as the reader wrote them"),
        lang: LANG_TAG.optional().describe("Reader's language (en, ko, zh, ja); default: from the query's script"),
        limit: z.number().int().min(1).max(50).optional().describe("Most results to return (default 10)"),
      }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ query, lang, limit }) => answer(async () => json((await kb()).search(query, { lang, limit }))),
  );

  server.registerTool(
    "get_card",
    {
      title: "Get a card",
      description: `One card as Markdown with its title, URL, ${namesOwners ? "owner, " : ""}audience, verification status, verify_by date and last change. Accepts a card id, its URL or its exact title.`,
      inputSchema: args({ card: z.string().trim().min(1).max(2000).describe("Card id (billing/refunds), URL or exact title") }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ card }) =>
      answer(async () => {
        const detail = await (await kb()).get(card);
        if (!detail) return notFound(card);
        return json(detail);
      }),
  );

  server.registerTool(
    "list_cards",
    {
      title: "List cards",
      description: `Cards filtered by collection, tag, ${namesOwners ? "owner, " : ""}language or verification status.`,
      inputSchema: args({
        collection: z.string().max(200).optional(),
        tag: z.string().max(200).optional(),
        ...(namesOwners ? { owner: OWNER.optional().describe("Owner handle or email, e.g. @acme/billing") } : {}),
        lang: LANG_TAG.optional().describe("Cards in this language (en, ko, zh, ja)"),
        status: STATUS.optional(),
      }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (filter) => answer(async () => json({ cards: (await kb()).list(filter as ListFilter) })),
  );

  server.registerTool(
    "trust_summary",
    {
      title: "Trust summary",
      description: "Share of cards verified today (the trust score), overall and per collection, against the configured floor.",
      inputSchema: args({}),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    () => answer(async () => json((await kb()).trust())),
  );

  server.registerResource(
    "card",
    new ResourceTemplate("verity://cards/{+id}", {
      list: () =>
        answer(async () => ({
          resources: (await kb()).all().map((card) => ({
            uri: `verity://cards/${card.id}`,
            name: card.id,
            title: card.title,
            description: `${card.description ?? card.title} (${card.verification.note})`,
            mimeType: "text/markdown",
          })),
        })),
    }),
    { title: "Knowledge card", description: "A card as Markdown, with its verification status", mimeType: "text/markdown" },
    (uri, variables) =>
      answer(async () => {
        const id = cardIdOf(String(Array.isArray(variables.id) ? variables.id[0] : variables.id));
        const detail = await (await kb()).get(id);
        // InvalidParams is what the SDK itself answers for a resource it does not have.
        if (!detail) throw new McpError(ErrorCode.InvalidParams, `No card ${clip(id)} on this site. List the cards with resources/list or list_cards.`);
        const header = `# ${detail.title}\n\n> ${detail.verification.note} URL: ${detail.url}\n\n`;
        return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: header + detail.markdown }] };
      }),
  );

  return server;
}

/**
 * An McpServer that answers a request whose params do not fit the protocol's own schema for its
 * method (`arguments: []`, a number for a URI) with invalid params naming the field: the SDK would
 * throw its parse error inside the handler and answer "Internal error".
 */
class CheckedMcpServer extends McpServer {
  override async connect(transport: Transport): Promise<void> {
    await super.connect(transport);
    const handle = transport.onmessage;
    transport.onmessage = (message, extra) => {
      const problem = malformedParams(message);
      if (problem === undefined) return handle?.(message, extra);
      const id = (message as { id: string | number }).id;
      void transport.send({ jsonrpc: "2.0", id, error: { code: ErrorCode.InvalidParams, message: problem } }, { relatedRequestId: id }).catch(() => undefined);
    };
  }
}

/** The protocol's schema of each client request, by method. */
const REQUEST_SCHEMAS = new Map(ClientRequestSchema.options.map((schema) => [schema.shape.method.value as string, schema]));

/** Why a request's params do not fit its method's schema, or undefined (also for what is not a known request). */
function malformedParams(message: JSONRPCMessage): string | undefined {
  if (!("method" in message) || !("id" in message)) return undefined;
  const schema = REQUEST_SCHEMAS.get(message.method);
  if (!schema) return undefined;
  const parsed = schema.safeParse(message);
  if (parsed.success) return notAUri(parsed.data) ?? protoArgument(message);
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.map(String).join(".") || "params"}: ${issue.message}`);
  return `Invalid params for ${message.method}: ${clip(issues.join("; "))}`;
}

/**
 * Why a resource request's `uri` is no URI at all (`billing/refunds`, text, an empty string), or
 * undefined: the protocol's schema takes any string, and the SDK's own parse of it would throw
 * "Invalid URL", answered as an internal error.
 */
function notAUri(request: { method: string; params?: unknown }): string | undefined {
  const uri = (request.params as { uri?: unknown } | undefined)?.uri;
  if (typeof uri !== "string" || URL.canParse(uri)) return undefined;
  return `Invalid params for ${request.method}: params.uri ${JSON.stringify(clip(uri))} is not a URI. A card's is verity://cards/<id>, as resources/list gives it.`;
}

/**
 * Why a tool call's arguments are refused for a `__proto__` key, or undefined: JSON makes it an own
 * key, which the protocol's parse of the arguments drops without a word, where every other argument
 * a tool does not declare is refused and named.
 */
function protoArgument(message: JSONRPCMessage): string | undefined {
  const args = "method" in message && message.method === "tools/call" ? (message.params as { arguments?: unknown } | undefined)?.arguments : undefined;
  if (typeof args !== "object" || args === null || !Object.hasOwn(args, "__proto__")) return undefined;
  return 'Invalid params for tools/call: Unknown argument "__proto__": no tool takes it.';
}

/** The card id a `verity://cards/{+id}` URI names, percent escapes decoded. */
function cardIdOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new McpError(ErrorCode.InvalidParams, `verity://cards/${clip(raw)} is not a card id: its percent escapes are malformed. Use the URIs resources/list gives.`);
  }
}

/** `text` short enough to quote in an error message. */
function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function json(value: unknown) {
  return {
    content: [{ type: "text" as const, text: JSON.stringify(value, null, 2) }],
    structuredContent: value as Record<string, unknown>,
  };
}

function notFound(ref: string) {
  return {
    isError: true,
    content: [{ type: "text" as const, text: `No card "${ref}" on this site. Search with search_cards, or list with list_cards.` }],
  };
}
