/**
 * Planted public sites for the leak check's tests: a project's cards, a public output folder shaped
 * like a real build (card pages at their URLs, gzip Pagefind fragments), and the check run on them.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { checkLeaks } from "../../src/build/leak-scan.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { makeTempDir } from "../helpers.ts";

export const TODAY = "2026-12-01";

export function card(fields: { title: string; audience: "internal" | "external"; owner?: string; id?: string; status?: string; tags?: string[]; template?: string }, body: string): string {
  const lines = [
    "---",
    `title: ${fields.title}`,
    `owner: "${fields.owner ?? "@acme/support"}"`,
    `audience: ${fields.audience}`,
    "verify_by: 2099-01-31",
    ...(fields.id ? [`id: ${fields.id}`] : []),
    ...(fields.status ? [`status: ${fields.status}`] : []),
    ...(fields.tags ? [`tags: [${fields.tags.join(", ")}]`] : []),
    ...(fields.template ? [`template: ${fields.template}`] : []),
    "---",
    "",
    body,
    "",
  ];
  return lines.join("\n");
}

/** A public output folder: `files` maps a path in the site to its content. */
export function site(files: Record<string, string | Uint8Array>): string {
  const dir = makeTempDir("verity-site-");
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><title>${title} | Help Center</title></head><body><main><article data-pagefind-body><h1>${title}</h1>${body}</article></main></body></html>`;
}

/** A Pagefind fragment as Pagefind writes it: gzip of `pagefind_dcd` + JSON. */
export function fragment(url: string, title: string, content: string): Uint8Array {
  return gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url, content, word_count: content.split(" ").length, filters: {}, meta: { title }, anchors: [] })}`));
}

export async function check(root: string, dir: string) {
  return checkLeaks(loadProject({ cwd: root, root, today: TODAY }), dir);
}
