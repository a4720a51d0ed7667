/**
 * The Model Context Protocol server: tools and resources over one site's knowledge. Every answer
 * carries the card's verification status, so an assistant can say "this expires soon, ask @owner".
 * The site (public or internal) is fixed when the server starts: a public server cannot be asked
 * for anything the public help center does not show.
 */
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { KnowledgeBase } from "../app/knowledge/knowledge-base.ts";

export const SERVER_NAME = "verity";

const STATUS = z.enum(["verified", "expiring", "expired"]);

/** A new MCP server answering from `kb`. One per connection (stdio) or per request (stateless HTTP). */
export function createMcpServer(kb: KnowledgeBase, version: string): McpServer {
  const audience = kb.site === "public" ? "the public help center (external cards only)" : "the internal support wiki (all published cards)";
  const server = new McpServer(
    { name: SERVER_NAME, version },
    {
      instructions:
        `Verified knowledge cards from ${audience}. Answer from these cards only, cite the card's URL, ` +
        "and pass on its verification note: an expired card may be out of date, so say so and name its owner.",
    },
  );

  server.registerTool(
    "search_cards",
    {
      title: "Search cards",
      description:
        "Full-text search of the knowledge cards, in the reader's language first (Korean, Chinese, Japanese and English understood). " +
        "Returns the best cards with their URL, owner and verification status.",
      inputSchema: {
        query: z.string().trim().min(1).max(500).describe("The question or keywords, as the reader wrote them"),
        lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/).optional().describe("Reader's language (en, ko, zh, ja); default: from the query's script"),
        limit: z.number().int().min(1).max(50).optional().describe("Most results to return (default 10)"),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ query, lang, limit }) => json(kb.search(query, { lang, limit })),
  );

  server.registerTool(
    "get_card",
    {
      title: "Get a card",
      description: "One card as Markdown with its title, URL, owner, audience, verification status, verify_by date and last change. Accepts a card id, its URL or its exact title.",
      inputSchema: { card: z.string().trim().min(1).max(2000).describe("Card id (billing/refunds), URL or exact title") },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ card }) => {
      const detail = await kb.get(card);
      if (!detail) return notFound(card);
      return json(detail);
    },
  );

  server.registerTool(
    "list_cards",
    {
      title: "List cards",
      description: "Cards filtered by collection, tag, owner, language or verification status.",
      inputSchema: {
        collection: z.string().max(200).optional(),
        tag: z.string().max(200).optional(),
        owner: z.string().max(200).optional().describe("Owner handle or email, e.g. @acme/billing"),
        lang: z.string().max(20).optional(),
        status: STATUS.optional(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (filter) => json({ cards: kb.list(filter) }),
  );

  server.registerTool(
    "trust_summary",
    {
      title: "Trust summary",
      description: "Share of cards verified today (the trust score), overall and per collection, against the configured floor.",
      inputSchema: {},
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async () => json(kb.trust()),
  );

  server.registerResource(
    "card",
    new ResourceTemplate("verity://cards/{+id}", {
      list: async () => ({
        resources: kb.all().map((card) => ({
          uri: `verity://cards/${card.id}`,
          name: card.id,
          title: card.title,
          description: `${card.description ?? card.title} (${card.verification.note})`,
          mimeType: "text/markdown",
        })),
      }),
    }),
    { title: "Knowledge card", description: "A card as Markdown, with its verification status", mimeType: "text/markdown" },
    async (uri, variables) => {
      const id = String(Array.isArray(variables.id) ? variables.id[0] : variables.id);
      const detail = await kb.get(decodeURIComponent(id));
      if (!detail) throw new Error(`No card ${id} on this site.`);
      const header = `# ${detail.title}\n\n> ${detail.verification.note} URL: ${detail.url}\n\n`;
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: header + detail.markdown }] };
    },
  );

  return server;
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
