/**
 * Which client a request or a connection counts against: the collector's rate limit and the
 * servers' connection shares (connection-cap.ts). An IPv4 address is one
 * client. An IPv6 address is not: every connection is given at least a /64 (2^64 addresses), and a
 * client may send each request from a new one, so a bucket per IPv6 address would limit nothing.
 * IPv6 clients are keyed by their /64; an IPv4 client that a dual-stack socket reports as
 * ::ffff:a.b.c.d is keyed by its IPv4 address (not by ::ffff:0:0/64, which every IPv4 client shares).
 */
import { isIPv4, isIPv6 } from "node:net";

/** Longest key kept for a value that is not an address (an X-Forwarded-For from a proxy that sends other text). */
const MAX_OTHER_KEY = 100;

export function clientKey(address: string | undefined): string {
  const text = (address ?? "").trim();
  if (text === "") return "?";
  if (isIPv4(text)) return text;
  const bare = text.replace(/%.*$/, "").replace(/^\[(.*)\]$/, "$1");
  if (!isIPv6(bare)) return text.slice(0, MAX_OTHER_KEY);
  const mapped = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  return `${expandIPv6(bare).slice(0, 4).join(":")}::/64`;
}

/** The eight groups of an IPv6 address (valid, per isIPv6), as lower-case numbers without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  // A trailing dotted IPv4 part is the last two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
