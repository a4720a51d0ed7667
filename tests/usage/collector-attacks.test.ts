/**
 * The collector against requests nobody well-meaning sends: probing which internal card ids exist,
 * forging internal usage without a page, forging log lines, bodies in another charset or
 * compressed, invisible characters; and a database locked by another program, which must neither
 * stall the server nor turn a refused batch into a duplicate.
 */
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCollector, type RunningCollector } from "../../src/collect/server.ts";
import type { UsageSite, UsageSiteRules } from "../../src/core/usage/events.ts";
import { openUsageReader, openUsageWriter } from "../../src/core/usage/store.ts";
import { logSafe } from "../../src/collect/log-safe.ts";
import { makeTempDir, removeTemps } from "../helpers.ts";

const HELP = "https://help.acme.test";
const WIKI = "https://wiki.acme.test";
const SITES = new Map<UsageSite, UsageSiteRules>([
  ["public", { cards: new Set(["billing/refund"]), comments: true, private: false }],
  ["internal", { cards: new Set(["billing/refund", "call-review/acme-corp"]), comments: true, private: true }],
]);

let dir: string;
const logged: string[] = [];
let collector: RunningCollector;

async function start(name: string, extra: { busyDeadlineMs?: number; maxConnectionsPerClient?: number } = {}) {
  return startCollector({
    host: "127.0.0.1",
    port: 0,
    writer: openUsageWriter({ database: path.join(dir, `${name}.db`), ndjson: path.join(dir, `${name}.ndjson`) }),
    sites: SITES,
    allowedOrigins: new Set([HELP, WIKI]),
    originSites: new Map<string, UsageSite>([[HELP, "public"], [WIKI, "internal"]]),
    maxBodyBytes: 16_384,
    rate: { perSecond: 1000, burst: 1000 },
    timeZone: "UTC",
    log: (line) => logged.push(line),
    ...extra,
  });
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}events`, { method: "POST", body: typeof body === "string" || body instanceof Blob ? body : JSON.stringify(body), headers: { "content-type": "text/plain;charset=UTF-8", ...headers } });
  return { status: response.status, text: await response.text() };
}

const internal = (events: unknown[]) => ({ v: 1, site: "internal", visit: "visit-0001", events });
const publicBatch = (events: unknown[]) => ({ v: 1, site: "public", visit: "visit-0001", events });

function rows(name: string): Record<string, unknown>[] {
  const reader = openUsageReader(path.join(dir, `${name}.db`));
  const all = reader.all("SELECT * FROM events ORDER BY id", {});
  reader.close();
  return all;
}

beforeAll(async () => {
  dir = makeTempDir("verity-collect-attacks-");
  collector = await start("main");
});

afterAll(async () => {
  await collector?.close();
  removeTemps();
});

describe("verity collect: the wiki's card ids cannot be probed", () => {
  it("answers a batch naming unknown internal cards exactly as one naming real cards, and stores only the real ones", async () => {
    const real = await post(collector.url, internal([{ type: "card_view", card: "call-review/acme-corp" }]), { origin: WIKI });
    const guessed = await post(collector.url, internal([{ type: "card_view", card: "call-review/globex" }]), { origin: WIKI });
    const mixed = await post(collector.url, internal([{ type: "card_view", card: "call-review/acme-corp" }, { type: "support_click", searches: [], cards: ["call-review/initech"] }]), { origin: WIKI });
    expect(real).toEqual({ status: 200, text: '{"accepted":1}' });
    expect(guessed).toEqual({ status: 200, text: '{"accepted":1}' });
    expect(mixed).toEqual({ status: 200, text: '{"accepted":2}' });
    expect(rows("main").map((r) => r.card)).toEqual(["call-review/acme-corp", "call-review/acme-corp"]);
    const log = logged.join("\n");
    expect(log).toContain("dropped 1 event(s) naming cards the internal site does not have");
    expect(log).not.toContain("globex");
    expect(log).not.toContain("initech");
  });

  it("stores the dropped events too (without their cards), so a locked database fails a guess as it fails a real card", async () => {
    const locked = await start("guess", { busyDeadlineMs: 100 });
    const other = new DatabaseSync(path.join(dir, "guess.db"));
    try {
      other.exec("BEGIN IMMEDIATE");
      const real = await post(locked.url, internal([{ type: "card_view", card: "call-review/acme-corp" }]), { origin: WIKI });
      const guessed = await post(locked.url, internal([{ type: "card_view", card: "call-review/globex" }]), { origin: WIKI });
      expect([real.status, guessed.status]).toEqual([503, 503]);
      other.exec("ROLLBACK");
      expect((await post(locked.url, internal([{ type: "card_view", card: "call-review/globex" }]), { origin: WIKI })).status).toBe(200);
    } finally {
      if (other.isTransaction) other.exec("ROLLBACK");
      other.close();
      await locked.close();
    }
    const db = new DatabaseSync(path.join(dir, "guess.db"));
    expect(db.prepare("SELECT site, type, card FROM dropped_events").all()).toEqual([{ site: "internal", type: "card_view", card: null }]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM events").get()).toEqual({ n: 0 });
    db.close();
    expect(readFileSync(path.join(dir, "guess.ndjson"), "utf8")).toBe("");
  });

  it("refuses internal events sent without an Origin (no page sent them), whatever the cards", async () => {
    for (const card of ["call-review/acme-corp", "call-review/globex"]) {
      const result = await post(collector.url, internal([{ type: "card_view", card }]));
      expect(result.status).toBe(403);
      expect(JSON.parse(result.text)).toMatchObject({ error: "origin_required" });
    }
  });

  it("still names an unknown card of the public site, whose ids are public", async () => {
    const result = await post(collector.url, publicBatch([{ type: "card_view", card: "call-review/acme-corp" }]));
    expect(result.status).toBe(422);
    expect(result.text).toContain('unknown card \\"call-review/acme-corp\\" on the public site');
  });
});

describe("verity collect: what a request can put in the log and the store", () => {
  it("writes request text into the log as escapes, so it cannot start a forged line", async () => {
    logged.length = 0;
    const forged = "x\n2026-12-04 collect: stored 100 events\u202e";
    const result = await post(collector.url, publicBatch([{ type: "search", query: "q", lang: "en", results: 1, filters: { [forged]: "not a list" } }]));
    expect(result.status).toBe(400);
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toMatch(/[\n\u202e]/);
    expect(logged[0]).toContain("x\\u000a2026-12-04 collect");
    expect(logSafe("a\r\nb\u2028c\u0000")).toBe("a\\u000d\\u000ab\\u2028c\\u0000");
  });

  // The answers quote request text (an unknown field's name, the Origin): raw, `<img onerror>` in a
  // JSON body that a browser may sniff as a page on the help center's own origin (nginx serves the
  // collector under /usage/ there). Now `<`, `>` and `&` are JSON escapes, with nosniff.
  it("answers with JSON no browser takes for a page: request text quoted as escapes, and nosniff", async () => {
    const markup = "<img src=x onerror=alert(1)>&amp;";
    const unknownKey = await fetch(`${collector.url}events`, { method: "POST", body: JSON.stringify(publicBatch([{ type: "card_view", card: "billing/refund", [markup]: 1 }])), headers: { "content-type": "text/plain" } });
    const foreign = await fetch(`${collector.url}events`, { method: "POST", body: "{}", headers: { "content-type": "text/plain", origin: `https://evil.test/${markup}` } });
    for (const [response, status] of [[unknownKey, 400], [foreign, 403]] as const) {
      const text = await response.text();
      expect(response.status).toBe(status);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(text).not.toMatch(/[<>&]/);
      expect(text).toContain("\\u003cimg");
      expect(JSON.stringify(JSON.parse(text))).toContain(markup);
    }
    expect((await fetch(`${collector.url}health`)).headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses card ids with control characters", async () => {
    const result = await post(collector.url, publicBatch([{ type: "card_view", card: "billing/refund\n" }]));
    expect(result.status).toBe(400);
  });

  it("drops NUL, other control characters and bidi overrides from queries and comments, and keeps the rest as typed", async () => {
    const before = rows("main").length;
    const result = await post(collector.url, publicBatch([
      { type: "search", query: "refund\u0000 \u202eedoc\u202c 환불", lang: "ko", results: 2, filters: { tag: ["bil\u0007ling"] } },
      { type: "helpful", card: "billing/refund", helpful: false, comment: "line one\nline\u2066 two\u0008" },
    ]));
    expect(result.status).toBe(200);
    const stored = rows("main").slice(before);
    expect(stored[0]).toMatchObject({ query: "refund edoc 환불", detail: '{"tag":["billing"]}' });
    expect(stored[1]).toMatchObject({ comment: "line one\nline two" });
  });

  it("refuses a body declared in another charset, a compressed body, and bytes that are not UTF-8", async () => {
    const body = JSON.stringify(publicBatch([{ type: "card_view", card: "billing/refund" }]));
    const latin = await post(collector.url, body, { "content-type": "text/plain; charset=ISO-8859-1" });
    expect(latin.status).toBe(415);
    expect(JSON.parse(latin.text).reason).toContain("iso-8859-1");
    const utf16 = await post(collector.url, body, { "content-type": "application/json; charset=utf-16" });
    expect(utf16.status).toBe(415);
    const gzip = await post(collector.url, body, { "content-encoding": "gzip" });
    expect(gzip.status).toBe(415);
    const bytes = new Uint8Array([...new TextEncoder().encode(body.replace("billing/refund", "billing/refun")).slice(0, -3), 0xff, 0x22, 0x7d, 0x5d, 0x7d]);
    const invalid = await post(collector.url, new Blob([bytes]));
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.text)).toMatchObject({ error: "not_json" });
    expect((await post(collector.url, body, { "content-type": 'text/plain; charset="utf-8"' })).status).toBe(200);
  });
});

describe("verity collect: a database locked by another program", () => {
  it("keeps answering /health while a batch waits for the lock, and stores the batch once the lock is gone", async () => {
    const locked = await start("locked");
    const other = new DatabaseSync(path.join(dir, "locked.db"));
    other.exec("BEGIN IMMEDIATE");
    try {
      let answered = false;
      const pending = post(locked.url, publicBatch([{ type: "card_view", card: "billing/refund" }])).then((result) => {
        answered = true;
        return result;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const health = await fetch(`${locked.url}health`);
      expect(health.status).toBe(200);
      expect(answered).toBe(false);
      other.exec("COMMIT");
      expect(await pending).toEqual({ status: 200, text: '{"accepted":1}' });
    } finally {
      if (other.isTransaction) other.exec("ROLLBACK");
      other.close();
      await locked.close();
    }
    expect(rows("locked")).toHaveLength(1);
  });

  it("answers 503 when the lock outlasts the wait, and writes nothing, so the page's retry is stored once", async () => {
    const locked = await start("busy", { busyDeadlineMs: 150 });
    const other = new DatabaseSync(path.join(dir, "busy.db"));
    try {
      other.exec("BEGIN IMMEDIATE");
      const refused = await post(locked.url, publicBatch([{ type: "card_view", card: "billing/refund" }]));
      expect(refused.status).toBe(503);
      other.exec("COMMIT");
      expect((await post(locked.url, publicBatch([{ type: "card_view", card: "billing/refund" }]))).status).toBe(200);
    } finally {
      other.close();
      await locked.close();
    }
    expect(rows("busy")).toHaveLength(1);
    expect(readFileSync(path.join(dir, "busy.ndjson"), "utf8").trim().split("\n")).toHaveLength(1);
  });
});

describe("verity collect: one client holding many connections", () => {
  /** A raw connection that sends the start of a request and then nothing, as a slow client does. */
  function holdOpen(url: string): Promise<{ socket: net.Socket; closed: Promise<string> }> {
    const { port } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), "127.0.0.1", () => {
        socket.write("POST /events HTTP/1.1\r\nHost: x\r\n");
        let answer = "";
        socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
        const closed = new Promise<string>((done) => socket.on("close", () => done(answer)));
        resolve({ socket, closed });
      });
      socket.on("error", reject);
    });
  }

  it("answers a client's connection past its share 503 and closes it, and takes its next one once an earlier one ends", async () => {
    const capped = await start("capped", { maxConnectionsPerClient: 4 });
    const held: net.Socket[] = [];
    try {
      for (let i = 0; i < 4; i++) held.push((await holdOpen(capped.url)).socket);
      const extra = await holdOpen(capped.url);
      const answer = await extra.closed;
      expect(answer).toMatch(/^HTTP\/1\.1 503 /);
      expect(answer).toMatch(/retry-after: 5/i);
      expect(logged.join("\n")).toContain("more than 4 connections from one client");
      held.shift()!.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await post(capped.url, publicBatch([{ type: "card_view", card: "billing/refund" }]))).status).toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
      await capped.close();
    }
    expect(rows("capped")).toHaveLength(1);
  });
});
