/**
 * Finds card files under the content folder. Names starting with `_` or `.` are not cards.
 * Symbolic links are never followed; one that is a card, a folder, dangling or leads outside the
 * content folder is an error, under any name (a linked `_snippets` folder too). A link to a non-card file inside is left for file-audience.ts,
 * which never publishes it.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../lint/findings.ts";
import { specialFileKind } from "./safe-read.ts";

/** `_collection.yml` (collections.ts owns it and reports a linked one; named here to avoid an import cycle). */
const COLLECTION_FILE = "_collection.yml";

export const CARD_EXTENSIONS = [".md", ".mdx"] as const;

export function isCardFileName(name: string): boolean {
  return !isHiddenName(name) && CARD_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
}

export function isHiddenName(name: string): boolean {
  return name.startsWith("_") || name.startsWith(".");
}

/**
 * Absolute paths of every card file under `contentDir`, sorted; a `file-symlink` error for every
 * symbolic link that is a card, a folder, dangling, or leads out of the content folder. Links are
 * never followed: a card's audience is read from the real file, in its real place.
 */
export function discoverCardFiles(contentDir: string, problems: Finding[]): string[] {
  const files: string[] = [];
  let realContent: string;
  try {
    realContent = realpathSync(contentDir);
  } catch {
    return files;
  }
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      // A link under a hidden name is never walked but still reported: `_snippets` is read by the
      // sites. A linked `_collection.yml` is collections.ts's to report.
      if (isHiddenName(entry.name) || entry.name === "node_modules") {
        if (entry.isSymbolicLink() && entry.name !== COLLECTION_FILE) {
          const problem = symlinkProblemOf(full, realContent);
          if (problem) problems.push(problem);
        }
        continue;
      }
      if (entry.isSymbolicLink()) {
        const problem = symlinkProblemOf(full, realContent);
        if (problem) problems.push(problem);
        continue;
      }
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && isCardFileName(entry.name)) files.push(full);
      else if (isCardFileName(entry.name)) problems.push(symlinkProblem(full, `is ${specialFileKind(entry)}, not a regular file, so it is no card and nothing of it is published. Remove it, or put the real card file here`));
    }
  };
  walk(contentDir);
  return files;
}

/** The problem of a symbolic link inside the content folder, or undefined for a link to a non-card file that stays inside. */
function symlinkProblemOf(full: string, realContent: string): Finding | undefined {
  let target: string;
  try {
    target = realpathSync(full);
  } catch {
    return symlinkProblem(full, "is a symbolic link to a file that does not exist. Remove the link, or put the real file here");
  }
  if (target !== realContent && !isInside(target, realContent)) {
    return symlinkProblem(full, `is a symbolic link that leads outside the content folder (to ${target}), which Verity never follows or publishes. Remove the link, or copy the file into the content folder`);
  }
  let isDir = false;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    // unreadable: treated as a file
  }
  if (isDir) {
    return symlinkProblem(full, `is a symbolic link to the folder ${path.relative(realContent, target) || "."}; linked folders are not followed, so their cards would not be published under two paths. Remove the link, or move the folder here with git mv`);
  }
  if (isCardFileName(path.basename(full)) || isCardFileName(path.basename(target))) {
    return symlinkProblem(full, `is a symbolic link to ${path.relative(realContent, target)}; a card must be a real file, because its audience and collection are read from the file itself. Remove the link and link to the card from a card instead ([title](path.md)), or move it here with git mv`);
  }
  return undefined;
}

/**
 * A problem when the card at `file` is not a real file at its own place under `contentDir`: the
 * file or a folder on its path is a symbolic link. Loading refuses such a card whatever found it.
 */
export function cardFileProblem(contentDir: string, file: string, realContentDir?: string): Finding | undefined {
  let real: string;
  let realContent: string;
  try {
    realContent = realContentDir ?? realpathSync(contentDir);
    if (lstatSync(file).isSymbolicLink()) return symlinkProblemOf(file, realContent) ?? symlinkProblem(file, "is a symbolic link; a card must be a real file. Remove the link, or move the card here with git mv");
    real = realpathSync.native(file);
  } catch {
    return undefined; // missing: reading the file reports it
  }
  if (path.relative(realContent, real) === path.relative(contentDir, file)) return undefined;
  return symlinkProblem(file, "is reached through a linked folder; a card must be a real file at its own place. Move the folder into the content folder with git mv instead of linking it");
}

function symlinkProblem(file: string, what: string): Finding {
  return { ruleId: "file-symlink", severity: "error", file, line: 1, column: 1, message: `This file ${what}.` };
}

/** True when `file` is inside `dir` (both absolute). */
export function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

