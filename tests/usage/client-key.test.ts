/**
 * Which client a request counts against in the collector's rate limit. A token bucket per socket
 * address is no limit for an IPv6 client: every home and server connection is given a /64 (2^64
 * addresses), so a client that picks a new source address per request would never be slowed.
 * IPv6 clients share a bucket per /64; IPv4 clients, also when a dual-stack socket reports them as
 * ::ffff:a.b.c.d, keep one bucket per address.
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clientKey } from "../../src/core/net/client-key.ts";
import { startCollector } from "../../src/collect/server.ts";
import type { UsageSite, UsageSiteRules } from "../../src/core/usage/events.ts";
import { openUsageReader, openUsageWriter } from "../../src/core/usage/store.ts";
import { makeTempDir, removeTemps } from "../helpers.ts";

afterAll(() => removeTemps());

describe("clientKey", () => {
  it("gives every address of one IPv6 /64 the same key, however it is written", () => {
    const key = clientKey("2001:db8:1:2::1");
    expect(clientKey("2001:db8:1:2:ffff:ffff:ffff:fffe")).toBe(key);
    expect(clientKey("2001:0DB8:0001:0002:0:0:abcd:1")).toBe(key);
    expect(clientKey("2001:db8:1:2::7%eth0")).toBe(key);
    expect(clientKey("2001:db8:1:3::1")).not.toBe(key);
    expect(clientKey("::1")).toBe(clientKey("::2"));
  });

  it("keeps one key per IPv4 address, also written as an IPv4-mapped IPv6 address", () => {
    expect(clientKey("203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("::FFFF:203.0.113.8")).toBe("203.0.113.8");
    expect(clientKey("::ffff:203.0.113.7")).not.toBe(clientKey("::ffff:203.0.113.8"));
  });

  it("keeps anything else as it is (bounded), and no address as one shared key", () => {
    expect(clientKey(undefined)).toBe("?");
    expect(clientKey("")).toBe("?");
    expect(clientKey("not-an-address")).toBe("not-an-address");
    expect(clientKey("x".repeat(5000)).length).toBeLessThanOrEqual(100);
  });
});

describe("verity collect: rate limit per IPv6 /64", () => {
  it("slows a client that sends each request from another address of its /64", async () => {
    const dir = makeTempDir("verity-rate-key-");
    const sites = new Map<UsageSite, UsageSiteRules>([["public", { cards: new Set(["billing/refund"]), comments: false, private: false }]]);
    const collector = await startCollector({
      host: "127.0.0.1",
      port: 0,
      writer: openUsageWriter({ database: path.join(dir, "v6.db") }),
      sites,
      allowedOrigins: new Set(),
      maxBodyBytes: 4096,
      rate: { perSecond: 1, burst: 5 },
      trustProxy: true,
      timeZone: "UTC",
    });
    const statuses: number[] = [];
    try {
      for (let i = 1; i <= 20; i++) {
        const response = await fetch(`${collector.url}events`, {
          method: "POST",
          headers: { "content-type": "text/plain", "x-forwarded-for": `2001:db8:1:2::${i.toString(16)}` },
          body: JSON.stringify({ v: 1, site: "public", visit: "visit-0001", events: [{ type: "card_view", card: "billing/refund" }] }),
        });
        await response.text();
        statuses.push(response.status);
      }
    } finally {
      await collector.close();
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(6);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(14);
    const db = openUsageReader(path.join(dir, "v6.db"));
    expect(db.count).toBeLessThanOrEqual(6);
    db.close();
  });
});
