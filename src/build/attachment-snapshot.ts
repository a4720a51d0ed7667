/**
 * An attachment is read at the moment the build decides a site may publish it, and the site gets
 * exactly those bytes. Astro copies the files seconds later, in another process: copying them from
 * the content folder then would publish whatever the working tree holds by that time (a checkout
 * or pull during the build can rewrite a shared SVG with internal text, or swap the file for a
 * symbolic link to a file outside the project). So each approved file is opened without following
 * links, checked on the open file as the file-audience verdict checks the path (a regular file
 * with one name, at its own place in the content folder), copied into the build's work folder
 * under its content hash, and judged by attachment-safety on that copy. The site's copy step
 * (`copySiteAssets`) reads only those copies and checks each one's hash as it writes it.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, mkdirSync, openSync, readlinkSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from "node:fs";
import path from "node:path";
import { CheckFailed } from "../core/errors.ts";
import { checkAttachmentCopy } from "../core/site/attachment-safety.ts";
import type { CardAsset } from "./render-card.ts";

/** The bytes of an attachment as the build approved them. */
export interface AssetSnapshot {
  /** The copy in the build's work folder, named by its sha256. */
  file: string;
  sha256: string;
  size: number;
}

export interface SiteAsset extends CardAsset {
  /** What the site publishes; absent in data prepared without a snapshot folder (`astro dev`, lint, tests), which is never copied. */
  snapshot: AssetSnapshot | undefined;
}

/** Reads an approved attachment (absolute path) into the snapshot folder, once per file per build. */
export type Snapshotter = (file: string) => AssetSnapshot;

/** Opened read-only, never through a link, and without waiting on a FIFO that was swapped in. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const CHUNK = 1024 * 1024;

/** A snapshotter writing into `dir` (created when the first file comes) for the files of `contentDir`. */
export function createSnapshotter(dir: string, contentDir: string): Snapshotter {
  const taken = new Map<string, AssetSnapshot>();
  let realContent: string | undefined;
  let count = 0;
  return (file) => {
    const abs = path.resolve(file);
    const known = taken.get(abs);
    if (known) return known;
    const rel = path.relative(contentDir, abs);
    const changed = (reason: string) =>
      new CheckFailed(
        `${path.join(path.basename(contentDir), rel).split(path.sep).join("/")} changed while the build read it (${reason}), so nothing was published.`,
        "Build again once the working tree is settled (no checkout or pull running); dist/ still holds the previous build.",
      );
    let fd: number;
    try {
      fd = openSync(abs, OPEN_FLAGS);
    } catch (error) {
      throw changed((error as NodeJS.ErrnoException).code === "ELOOP" ? "it is now a symbolic link" : "it can no longer be read");
    }
    mkdirSync(dir, { recursive: true });
    const temporary = path.join(dir, `.part-${++count}`);
    let snapshot: AssetSnapshot;
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw changed("it is no longer a regular file");
      if (stat.nlink !== 1) throw changed("it is now a hard link");
      realContent ??= realpathSync(contentDir);
      if (openedPath(fd, abs, stat) !== path.join(realContent, rel)) throw changed("it is now reached through a linked folder");
      const copied = copyHashing(fd, temporary, stat.size);
      if (copied === undefined) throw changed("it grew while it was read");
      snapshot = { file: path.join(dir, copied.sha256), sha256: copied.sha256, size: copied.size };
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    } finally {
      closeSync(fd);
    }
    // The copy is judged, under the attachment's name: the bytes judged are the bytes published.
    const verdict = checkAttachmentCopy(path.basename(abs), temporary);
    if (!verdict.safe) {
      rmSync(temporary, { force: true });
      throw changed(`its content is no longer safe to publish: ${verdict.reason}`);
    }
    renameSync(temporary, snapshot.file);
    taken.set(abs, snapshot);
    return snapshot;
  };
}

/**
 * Where the open file is: on Linux, the kernel's own name for the open file; elsewhere the real
 * path of `file`, provided it still names the open file.
 */
function openedPath(fd: number, file: string, stat: Stats): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    try {
      const now = statSync(file);
      return now.dev === stat.dev && now.ino === stat.ino ? realpathSync(file) : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * Copies the open file `fd` into `to` (a new file) chunk by chunk, hashing what it copies. With
 * `most`, a file still longer than that (written to while it is read: a log, a download) is not
 * read on and on: undefined.
 */
function copyHashing(fd: number, to: string): { sha256: string; size: number };
function copyHashing(fd: number, to: string, most: number): { sha256: string; size: number } | undefined;
function copyHashing(fd: number, to: string, most = Infinity): { sha256: string; size: number } | undefined {
  const hash = createHash("sha256");
  const out = openSync(to, "wx");
  const buffer = Buffer.allocUnsafe(CHUNK);
  let size = 0;
  try {
    for (let n; (n = readSync(fd, buffer, 0, CHUNK, size)) > 0; size += n) {
      if (size + n > most) return undefined;
      hash.update(buffer.subarray(0, n));
      for (let at = 0; at < n; ) at += writeSync(out, buffer, at, n - at);
    }
  } finally {
    closeSync(out);
  }
  return { sha256: hash.digest("hex"), size };
}

/**
 * Writes each asset's snapshot into the built site at its site path, checking on the way that the
 * bytes written are the ones approved (their sha256). Never reads the content folder.
 */
export function copySiteAssets(assets: readonly SiteAsset[], outDir: string): void {
  for (const asset of assets) {
    if (!asset.snapshot) throw new Error(`${asset.sitePath} was prepared without a snapshot of its approved bytes, so it cannot be published.`);
    const { snapshot } = asset;
    const failed = (why: string) => new Error(`The build's copy of ${asset.file} (${snapshot.file}) ${why}, so ${asset.sitePath} was not published.`);
    const to = path.join(outDir, ...asset.sitePath.split("/"));
    mkdirSync(path.dirname(to), { recursive: true });
    rmSync(to, { force: true });
    let fd: number;
    try {
      fd = openSync(snapshot.file, OPEN_FLAGS);
    } catch (error) {
      throw failed(`cannot be read: ${(error as Error).message}`);
    }
    let copied;
    try {
      copied = copyHashing(fd, to);
    } finally {
      closeSync(fd);
    }
    if (copied.sha256 !== snapshot.sha256 || copied.size !== snapshot.size) {
      rmSync(to, { force: true });
      throw failed("no longer holds the bytes the build approved");
    }
  }
}
