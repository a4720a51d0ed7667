/**
 * The collector in-process: every way an event can be wrong is rejected with a 4xx and a JSON
 * reason, a flood from one client gets 429, CORS answers only the allowed origins, and what is
 * stored holds no address or user agent.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCollector, type RunningCollector } from "../../src/collect/server.ts";
import { checkUsageBatch, USAGE_COLUMNS, type UsageSite, type UsageSiteRules } from "../../src/core/usage/events.ts";
import { openUsageReader, openUsageWriter } from "../../src/core/usage/store.ts";
import { makeTempDir, removeTemps } from "../helpers.ts";

const ORIGIN = "https://help.acme.test";
const WIKI = "https://wiki.acme.test";
const SITES = new Map<UsageSite, UsageSiteRules>([
  ["public", { cards: new Set(["billing/refund", "account/roles"]), comments: false, private: false }],
  ["internal", { cards: new Set(["billing/refund", "escalations/secret"]), comments: true, private: true }],
]);
const VISIT = "visit-0001";

let dir: string;
let collector: RunningCollector;

function batch(events: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { v: 1, site: "public", visit: VISIT, events, ...extra };
}

async function post(body: unknown, headers: Record<string, string> = {}, url = collector.url) {
  const response = await fetch(`${url}events`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "text/plain;charset=UTF-8", ...headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as { error?: string; reason?: string; accepted?: number; issues?: { path: string; message: string }[] }) : undefined };
}

beforeAll(async () => {
  dir = makeTempDir("verity-collect-");
  collector = await startCollector({
    host: "127.0.0.1",
    port: 0,
    writer: openUsageWriter({ database: path.join(dir, "usage.db"), ndjson: path.join(dir, "usage.ndjson") }),
    sites: SITES,
    allowedOrigins: new Set([ORIGIN, WIKI]),
    originSites: new Map<string, UsageSite>([[ORIGIN, "public"], [WIKI, "internal"]]),
    maxBodyBytes: 4096,
    rate: { perSecond: 1000, burst: 1000 },
    timeZone: "Asia/Seoul",
    now: () => new Date("2026-11-15T20:00:00Z"),
  });
});

afterAll(async () => {
  await collector?.close();
  removeTemps();
});

describe("verity collect: accepted events", () => {
  it("stores a valid batch and answers 200 with the count, in the configured time zone", async () => {
    const result = await post(
      batch([
        { type: "search", query: "refund  for jane@example.com card 4111 1111 1111 1111", lang: "en", results: 0, filters: { tag: ["billing"] } },
        { type: "card_view", card: "billing/refund" },
        { type: "result_open", query: "refund", card: "billing/refund", rank: 2 },
        { type: "helpful", card: "billing/refund", helpful: false },
        { type: "support_click", searches: ["refund"], cards: ["billing/refund"] },
      ]),
      { origin: ORIGIN, "user-agent": "Mozilla/5.0 Secret-Agent" },
    );
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ accepted: 5 });
    expect(result.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    const db = openUsageReader(path.join(dir, "usage.db"));
    const rows = db.all("SELECT * FROM events ORDER BY id", {});
    db.close();
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0]!).sort()).toEqual(["id", ...USAGE_COLUMNS].sort());
    expect(rows[0]).toMatchObject({ v: 1, day: "2026-11-16", week: "2026-11-16", site: "public", visit: VISIT, type: "search", query: "refund  for [email] card [number]", results: 0, detail: '{"tag":["billing"]}' });
    expect(rows[3]).toMatchObject({ type: "helpful", helpful: 0, comment: null });
    expect(rows[4]).toMatchObject({ type: "support_click", detail: '{"searches":["refund"],"cards":["billing/refund"]}' });
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain("127.0.0.1");
    expect(stored).not.toContain("Secret-Agent");
    expect(stored).not.toContain("jane@example.com");
  });

  it("serves GET /health", async () => {
    const response = await fetch(`${collector.url}health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", schema: 1 });
  });
});

describe("verity collect: rejected events", () => {
  const cases: [string, unknown, number, string][] = [
    ["a version other than 1", batch([{ type: "card_view", card: "billing/refund" }], { v: 2 }), 400, "v"],
    ["the version as a string", batch([{ type: "card_view", card: "billing/refund" }], { v: "1" }), 400, "v"],
    ["an unknown site name", batch([{ type: "card_view", card: "billing/refund" }], { site: "intranet" }), 400, "site"],
    ["a visit id too short", batch([{ type: "card_view", card: "billing/refund" }], { visit: "x" }), 400, "visit"],
    ["a visit id with other characters", batch([{ type: "card_view", card: "billing/refund" }], { visit: "visit id with spaces" }), 400, "visit"],
    ["no events", batch([]), 400, "events"],
    ["too many events", batch(Array.from({ length: 51 }, () => ({ type: "card_view", card: "billing/refund" }))), 400, "events"],
    ["events not a list", batch([], { events: { type: "card_view" } }), 400, "events"],
    ["an extra top-level field (an IP address)", batch([{ type: "card_view", card: "billing/refund" }], { ip: "10.0.0.1" }), 400, "(body)"],
    ["an unknown event type", batch([{ type: "click", card: "billing/refund" }]), 400, "events.0.type"],
    ["a card id that is a number", batch([{ type: "card_view", card: 5 }]), 400, "events.0.card"],
    ["an empty card id", batch([{ type: "card_view", card: "" }]), 400, "events.0.card"],
    ["an extra event field (a user agent)", batch([{ type: "card_view", card: "billing/refund", ua: "Mozilla" }]), 400, "events.0"],
    ["a query longer than 200 characters", batch([{ type: "search", query: "x".repeat(201), lang: "en", results: 1 }]), 400, "events.0.query"],
    ["a language that is not a tag", batch([{ type: "search", query: "q", lang: "English", results: 1 }]), 400, "events.0.lang"],
    ["a negative result count", batch([{ type: "search", query: "q", lang: "en", results: -1 }]), 400, "events.0.results"],
    ["a fractional result count", batch([{ type: "search", query: "q", lang: "en", results: 1.5 }]), 400, "events.0.results"],
    ["filters that are not lists", batch([{ type: "search", query: "q", lang: "en", results: 1, filters: { tag: "billing" } }]), 400, "events.0.filters.tag"],
    ["a missing query", batch([{ type: "result_open", card: "billing/refund", rank: 1 }]), 400, "events.0.query"],
    ["a rank of 0", batch([{ type: "result_open", query: "q", card: "billing/refund", rank: 0 }]), 400, "events.0.rank"],
    ["a vote that is not a boolean", batch([{ type: "helpful", card: "billing/refund", helpful: "yes" }]), 400, "events.0.helpful"],
    ["a comment longer than 1000 characters", batch([{ type: "helpful", card: "billing/refund", helpful: true, comment: "x".repeat(1001) }]), 400, "events.0.comment"],
    ["searches before support that are not a list", batch([{ type: "support_click", searches: "refund", cards: [] }]), 400, "events.0.searches"],
    ["an unknown card", batch([{ type: "card_view", card: "billing/nope" }]), 422, "events.0"],
    ["an unknown card before a support click", batch([{ type: "support_click", searches: [], cards: ["escalations/secret"] }]), 422, "events.0"],
    ["a comment where comments are off", batch([{ type: "helpful", card: "billing/refund", helpful: true, comment: "nice" }]), 422, "events.0.comment"],
    ["an internal card on the public site", batch([{ type: "card_view", card: "escalations/secret" }]), 422, "events.0"],
  ];
  it.each(cases)("rejects %s", async (_name, body, status, at) => {
    const result = await post(body);
    expect(result.status).toBe(status);
    expect(result.json?.reason).toEqual(expect.any(String));
    if (at) expect(result.json?.issues?.map((i) => i.path)).toContain(at);
  });

  it("rejects events for one site from the other site's pages", async () => {
    const fromHelp = await post(batch([{ type: "card_view", card: "escalations/secret" }], { site: "internal" }), { origin: ORIGIN });
    expect(fromHelp.status).toBe(422);
    expect(fromHelp.json?.reason).toBe(`Pages of ${ORIGIN} belong to the public site and cannot send events for the internal site.`);
    const fromWiki = await post(batch([{ type: "card_view", card: "escalations/secret" }], { site: "internal" }), { origin: WIKI });
    expect(fromWiki.status).toBe(200);
  });

  it("rejects events of a site that is not measured", () => {
    const publicOnly = new Map<UsageSite, UsageSiteRules>([["public", SITES.get("public")!]]);
    const checked = checkUsageBatch(batch([{ type: "card_view", card: "billing/refund" }], { site: "internal" }), publicOnly);
    expect(checked).toEqual({ problem: { status: 422, reason: "Usage measurement is not turned on for the internal site." } });
  });

  it("refuses a filter named __proto__ instead of acknowledging the search and storing it without that filter", async () => {
    const body = JSON.parse('{"v":1,"site":"public","visit":"visit-0001","events":[{"type":"search","query":"x","lang":"en","results":0,"filters":{"__proto__":["billing"]}}]}') as unknown;
    const checked = checkUsageBatch(body, SITES);
    expect(checked).toMatchObject({ problem: { status: 400, issues: [{ path: "events.0.filters.__proto__" }] } });
  });

  it("rejects a body that is not JSON", async () => {
    const result = await post("site=public&card=billing/refund");
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: "not_json" });
  });

  it("rejects a body sent as anything but text/plain (sendBeacon) or application/json with 415, and stores nothing of it", async () => {
    const body = batch([{ type: "card_view", card: "billing/refund" }], { visit: "visit-form" });
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/html", "application/jsonx"]) {
      const result = await post(body, { "content-type": type });
      expect(result.status).toBe(415);
      expect(result.json).toMatchObject({ error: "unsupported_type" });
      expect(result.json?.reason).toMatch(/text\/plain.*application\/json/);
    }
  });

  it("rejects an oversized body with 413, declared or streamed", async () => {
    const big = batch([{ type: "helpful", card: "billing/refund", helpful: true, comment: "x".repeat(5000) }]);
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(declared.json).toMatchObject({ error: "too_large" });
    const streamed = await fetch(`${collector.url}events`, {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("x".repeat(3000)));
          controller.enqueue(new TextEncoder().encode("x".repeat(3000)));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it("answers other paths and methods with 404 and 405", async () => {
    expect((await fetch(`${collector.url}events`)).status).toBe(405);
    expect((await fetch(`${collector.url}health`, { method: "POST" })).status).toBe(405);
    const missing = await fetch(`${collector.url}admin`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "not_found" });
  });

  it("stored nothing from the rejected requests", async () => {
    const db = openUsageReader(path.join(dir, "usage.db"));
    expect(db.count).toBe(6);
    db.close();
  });

  it("accepts application/json as well as text/plain", async () => {
    expect((await post(batch([{ type: "card_view", card: "billing/refund" }]), { "content-type": "Application/JSON; charset=utf-8" })).status).toBe(200);
  });
});

describe("verity collect: CORS", () => {
  it("answers the preflight of an allowed origin", async () => {
    const response = await fetch(`${collector.url}events`, { method: "OPTIONS", headers: { origin: ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(response.headers.get("access-control-allow-methods")).toBe("POST");
    expect(response.headers.get("access-control-allow-headers")).toBe("content-type");
    expect(response.headers.get("vary")).toBe("Origin");
  });

  it("refuses other origins, preflight and post, without CORS headers", async () => {
    const preflight = await fetch(`${collector.url}events`, { method: "OPTIONS", headers: { origin: "https://evil.test", "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const sent = await post(batch([{ type: "card_view", card: "billing/refund" }]), { origin: "https://evil.test" });
    expect(sent.status).toBe(403);
    expect(sent.json).toMatchObject({ error: "origin_not_allowed" });
  });
});

describe("verity collect: rate limit", () => {
  it("answers a flood from one client with 429 and Retry-After, and keeps serving others later", async () => {
    const small = await startCollector({
      host: "127.0.0.1",
      port: 0,
      writer: openUsageWriter({ database: path.join(dir, "flood.db") }),
      sites: SITES,
      allowedOrigins: new Set(),
      maxBodyBytes: 4096,
      rate: { perSecond: 2, burst: 5 },
      timeZone: "UTC",
    });
    try {
      const results = [];
      for (let i = 0; i < 20; i++) results.push(await post(batch([{ type: "card_view", card: "billing/refund" }]), {}, small.url));
      const statuses = results.map((r) => r.status);
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(14);
      const limited = results.find((r) => r.status === 429)!;
      expect(limited.json).toMatchObject({ error: "rate_limited" });
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    } finally {
      await small.close();
    }
    const db = openUsageReader(path.join(dir, "flood.db"));
    expect(db.count).toBeLessThanOrEqual(6);
    db.close();
  });
});
