/** The leak check's second part: the content-folder files no public card uses, by content hash. */
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Card } from "../core/cards/load.ts";
import type { Project } from "../core/project/project.ts";
import { resolveLink } from "../core/site/links.ts";
import type { SiteData } from "./site-data.ts";
import { hashFile } from "./scan-pieces.ts";

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Hashes of every file in the content folder that no public card uses: attachments of internal
 * and draft cards, their card files, files of internal-only folders, unused files. Bytes a public
 * card uses too (the same logo twice) are left out: the public site may carry them. Which files a
 * public card uses is read from the cards' links and core's file audience, never
 * from the files the build chose to publish (`site.assets`): a file wrongly among those is the leak.
 * `linkedFiles` are those (leak-excuses.ts `publicTruth`).
 */
export function hashHiddenFiles(project: Project, hidden: readonly Card[], publicCards: readonly Card[], site: Pick<SiteData, "assets">, linkedFiles: ReadonlySet<string>) {
  const publicFiles = new Set([...linkedFiles, ...publicCards.map((c) => path.resolve(c.file))]);
  const usedBy = new Map<string, string[]>();
  for (const card of hidden) {
    usedBy.set(path.resolve(card.file), [card.relPath]);
    for (const link of card.links) {
      const target = resolveLink(card, link.url, project.index);
      if (target.kind !== "asset") continue;
      const file = path.resolve(target.file);
      usedBy.set(file, [...(usedBy.get(file) ?? []), card.relPath]);
    }
  }
  const candidates = new Set(usedBy.keys());
  try {
    for (const entry of readdirSync(project.contentDir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) candidates.add(path.resolve(entry.parentPath, entry.name));
    }
  } catch {
    // No content folder: nothing to hash beyond the cards' own files.
  }
  // An attachment's published bytes are the ones read when it was approved (attachment-snapshot.ts).
  const approved = site.assets.filter((a) => a.snapshot && publicFiles.has(path.resolve(a.file)));
  const publicHashes = new Set(approved.map((a) => a.snapshot!.sha256));
  const snapshotted = new Set(approved.map((a) => path.resolve(a.file)));
  for (const file of publicFiles) {
    if (snapshotted.has(file)) continue;
    const hashed = hashIfFile(file);
    if (hashed) publicHashes.add(hashed.sha256);
  }
  const files = new Map<number, Map<string, { file: string; usedBy: string[] }>>();
  let hashedFiles = 0;
  for (const file of candidates) {
    if (publicFiles.has(file)) continue;
    const hashed = hashIfFile(file);
    if (!hashed || hashed.size === 0) continue;
    const hash = hashed.sha256;
    hashedFiles++;
    if (publicHashes.has(hash)) continue;
    let bySize = files.get(hashed.size);
    if (!bySize) files.set(hashed.size, (bySize = new Map()));
    if (!bySize.has(hash)) bySize.set(hash, { file: path.relative(project.root, file).split(path.sep).join("/"), usedBy: [...new Set(usedBy.get(file) ?? [])] });
  }
  return { files, hashedFiles };
}

/** Size and sha256 of a regular file, read a chunk at a time (a video of gigabytes is never held whole); undefined for anything else. */
function hashIfFile(file: string): { size: number; sha256: string } | undefined {
  try {
    return statSync(file).isFile() ? hashFile(file) : undefined;
  } catch {
    return undefined;
  }
}
