/**
 * What a card's HTML makes the browser fetch, and what a site may load: images, media and frames
 * from the site's own host or its allow-list (`sites.<site>.embeds`), over https. Everything else
 * is removed from the rendering (an image leaves its alt text), and lint reports it first.
 */
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot, RootContent } from "hast";
import { walkTree } from "../cards/tree-walk.ts";

/** Attributes that make the browser fetch something while showing the page. */
const RESOURCE_ATTRIBUTES: Record<string, readonly string[]> = {
  img: ["src"],
  source: ["src", "srcSet"],
  video: ["src", "poster"],
  audio: ["src"],
  iframe: ["src"],
};

export interface RemoteResource {
  tag: string;
  attribute: string;
  url: string;
  /** Host name, lower case. */
  host: string;
  secure: boolean;
  line: number;
  column: number;
}

export interface EmbedPolicy {
  /** Hosts the site may load images, media and frames from (`player.vimeo.com`, `*.example.com`). */
  embeds: readonly string[];
  /** The site's own absolute URL: resources from its host are not remote. */
  siteUrl?: string;
}

/** Attributes whose relative URL may name a file next to the card (published under `/_files/`). */
export const FILE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { a: ["href"], img: ["src"], video: ["src", "poster"], audio: ["src"], source: ["src"] };

export interface FileReference {
  url: string;
  line: number;
  column: number;
}

/** Every URL in the tree that may name a file next to the card, in document order. */
export function fileReferences(tree: HastRoot): FileReference[] {
  const found: FileReference[] = [];
  walkTree<HastNodes>(tree, (node) => {
    if (node.type !== "element") return true;
    for (const key of FILE_ATTRIBUTES[node.tagName] ?? []) {
      const url = node.properties[key];
      if (typeof url === "string" && !url.startsWith("#")) found.push({ url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    }
    return true;
  });
  return found;
}

/** Every resource the tree makes the browser fetch by absolute URL (any host, the site's own included). */
export function remoteResources(tree: HastRoot): RemoteResource[] {
  const found: RemoteResource[] = [];
  walkTree<HastNodes>(tree, (node) => {
    if (node.type === "element") found.push(...remoteOf(node));
    return true;
  });
  return found;
}

function remoteOf(element: Element): RemoteResource[] {
  const attributes = RESOURCE_ATTRIBUTES[element.tagName];
  if (!attributes) return [];
  const result: RemoteResource[] = [];
  for (const attribute of attributes) {
    const value = element.properties[attribute];
    if (typeof value !== "string" && !Array.isArray(value)) continue;
    const urls = attribute === "srcSet" ? srcSetUrls(String(value)) : [String(value)];
    for (const url of urls) {
      const parsed = parseUrl(url);
      if (!parsed || isOnCardHost(url) || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) continue;
      result.push({
        tag: element.tagName,
        attribute: attribute === "srcSet" ? "srcset" : attribute,
        url,
        host: parsed.host,
        secure: parsed.protocol === "https:",
        line: element.position?.start.line ?? 1,
        column: element.position?.start.column ?? 1,
      });
    }
  }
  return result;
}

const LOCAL_HOST = "card.verity.invalid";

/** The URL as the browser resolves it (backslashes, tabs and `//host` included), or undefined. */
/**
 * `url` as a browser may resolve it. A URL with a scheme is absolute even without `//`
 * (`https:evil.test/x`): a page of another scheme (http, as a preview is) resolves it to
 * `https://evil.test/x`, so it is taken as that, never as a path on the card's own host.
 */
export function parseUrl(url: string): URL | undefined {
  try {
    const trimmed = url.trim();
    return SCHEME.test(trimmed) ? new URL(trimmed) : new URL(trimmed, `https://${LOCAL_HOST}/card/`);
  } catch {
    return undefined;
  }
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * True when `url` names no host of its own (a path on the card's own site): resolved against two
 * bases, it takes each one's host. An absolute URL that spells the placeholder host
 * (`https://card.verity.invalid/x`) keeps that host whatever the base, so it is not taken as local.
 */
function isOnCardHost(url: string): boolean {
  if (SCHEME.test(url.trim())) return false;
  try {
    return new URL(url.trim(), `https://${LOCAL_HOST}/card/`).host === LOCAL_HOST && new URL(url.trim(), "https://other.verity.invalid/card/").host === "other.verity.invalid";
  } catch {
    return false;
  }
}

/** Every URL of a `srcset`: split on every comma, so a URL that hides a comma is over-checked, never missed. */
function srcSetUrls(value: string): string[] {
  return value
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter((url) => url !== "");
}

function siteHost(siteUrl: string | undefined): string | undefined {
  if (!siteUrl) return undefined;
  try {
    return new URL(siteUrl).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** True when the site may load `resource`: from its own host, or https from an allow-listed host. */
export function isAllowedResource(resource: Pick<RemoteResource, "host" | "secure">, policy: EmbedPolicy): boolean {
  if (resource.host === siteHost(policy.siteUrl)) return true;
  return resource.secure && policy.embeds.some((entry) => hostMatches(resource.host, entry));
}

/** `player.vimeo.com` matches itself; `*.example.com` matches every subdomain of example.com. */
export function hostMatches(host: string, entry: string): boolean {
  const pattern = entry.toLowerCase();
  if (pattern.startsWith("*.")) return host.length > pattern.length - 1 && host.endsWith(pattern.slice(1));
  return host === pattern;
}

export interface EmbedDecision {
  /** Absolute resources the rendering kept, and those it removed (host and scheme only). */
  kept: Pick<RemoteResource, "host" | "secure">[];
  removed: Pick<RemoteResource, "host" | "secure">[];
}

/**
 * Removes what the site may not load: an image, video, audio, source or iframe from a host that is
 * not the site's own or in its allow-list (an image leaves its alt text), and any iframe that is not
 * from such a host. Says what it kept and removed, so another site can tell whether it may share
 * the rendering.
 */
export function applyEmbedPolicy(tree: HastRoot, policy: EmbedPolicy): EmbedDecision {
  const decision: EmbedDecision = { kept: [], removed: [] };
  walkTree<HastNodes>(tree, (node) => {
    if (!("children" in node)) return true;
    const next: (RootContent | ElementContent)[] = [];
    for (const child of node.children) {
      if (child.type !== "element" || !RESOURCE_ATTRIBUTES[child.tagName]) {
        next.push(child);
        continue;
      }
      const remote = remoteOf(child);
      const blocked = remote.filter((r) => !isAllowedResource(r, policy));
      if (blocked.length > 0 || (child.tagName === "iframe" && remote.length === 0)) {
        decision.removed.push(...remote.map(({ host, secure }) => ({ host, secure })));
        const alt = child.tagName === "img" ? child.properties.alt : undefined;
        if (typeof alt === "string" && alt !== "") next.push({ type: "text", value: alt });
        continue;
      }
      decision.kept.push(...remote.map(({ host, secure }) => ({ host, secure })));
      next.push(child);
    }
    node.children = next as typeof node.children;
    return true;
  });
  return decision;
}
