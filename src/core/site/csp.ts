/**
 * The Content-Security-Policy of both sites, the second wall behind the sanitizer: scripts only
 * from the site itself (no inline script, no inline event handler; Pagefind's WebAssembly needs
 * `'wasm-unsafe-eval'`), no plug-ins, no `<base>` or form posts elsewhere, and images, media and
 * frames only from the site and its embed allow-list. Astro renders it into a `<meta>` on every
 * page (security.csp); the same policy, plus what only a header can say, goes into `_headers` for
 * hosts that read one.
 */

export interface CspInput {
  /** Hosts of `sites.<site>.embeds`. */
  embeds: readonly string[];
  /** The feedback endpoint, when the site posts to one. */
  feedbackEndpoint?: string | undefined;
  /** The usage collector's endpoint (`sites.<site>.usage.endpoint`), when the site is measured. */
  usageEndpoint?: string | undefined;
}

export interface SitePolicy {
  /** Directives besides script-src and style-src (Astro owns those two and adds its hashes). */
  directives: string[];
  scriptSources: string[];
  styleSources: string[];
}

export function sitePolicy(input: CspInput): SitePolicy {
  const embeds = input.embeds.map((host) => `https://${host}`);
  const connect = ["'self'"];
  for (const endpoint of [input.feedbackEndpoint, input.usageEndpoint]) {
    const origin = originOf(endpoint);
    if (origin && !connect.includes(origin)) connect.push(origin);
  }
  return {
    directives: [
      "default-src 'self'",
      `img-src 'self' data: ${embeds.join(" ")}`.trim(),
      `media-src 'self' ${embeds.join(" ")}`.trim(),
      `frame-src 'self' ${embeds.join(" ")}`.trim(),
      `connect-src ${connect.join(" ")}`,
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ],
    scriptSources: ["'self'", "'wasm-unsafe-eval'"],
    styleSources: ["'self'"],
  };
}

/** The whole policy as one header value, with `frame-ancestors` (which a `<meta>` cannot set). */
export function policyHeader(input: CspInput): string {
  const policy = sitePolicy(input);
  return [...policy.directives, `script-src ${policy.scriptSources.join(" ")}`, `style-src ${policy.styleSources.join(" ")}`, "frame-ancestors 'self'"].join("; ");
}

/** A `_headers` file (Netlify, Cloudflare Pages and others) applying the policy to every path. */
export function headersFile(input: CspInput): string {
  return [
    "/*",
    `  Content-Security-Policy: ${policyHeader(input)}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "",
  ].join("\n");
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
