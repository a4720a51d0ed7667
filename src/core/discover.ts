/**
 * Finds card files under the content folder. Names starting with `_` or `.` are not cards.
 * Symbolic links are followed only when they stay inside the content folder.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Finding } from "./findings.ts";

export const CARD_EXTENSIONS = [".md", ".mdx"] as const;

export function isCardFileName(name: string): boolean {
  return !isHiddenName(name) && CARD_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
}

export function isHiddenName(name: string): boolean {
  return name.startsWith("_") || name.startsWith(".");
}

/** Absolute paths of every card file under `contentDir`, sorted; problems for skipped symlinks. */
export function discoverCardFiles(contentDir: string, problems: Finding[]): string[] {
  const files: string[] = [];
  let realContent: string;
  try {
    realContent = realpathSync(contentDir);
  } catch {
    return files;
  }
  const visited = new Set<string>([realContent]);
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (isHiddenName(entry.name) || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(full);
        } catch {
          problems.push(symlinkProblem(full, "points to a file that does not exist"));
          continue;
        }
        if (target !== realContent && !target.startsWith(realContent + path.sep)) {
          if (isDir || isCardFileName(entry.name) || statSync(target).isDirectory()) {
            problems.push(symlinkProblem(full, `points outside the content folder (to ${target}), so it is not followed`));
          }
          continue;
        }
        const stat = statSync(target);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
        if (isDir) {
          if (visited.has(target)) continue;
          visited.add(target);
        }
      }
      if (isDir) walk(full);
      else if (isFile && isCardFileName(entry.name)) files.push(full);
    }
  };
  walk(contentDir);
  return files;
}

function symlinkProblem(file: string, what: string): Finding {
  return {
    ruleId: "file-symlink",
    severity: "error",
    file,
    line: 1,
    column: 1,
    message: `This symbolic link ${what}. Copy the card into the content folder instead of linking to it.`,
  };
}

/** True when `file` is inside `dir` (both absolute). */
export function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/** Size of a file in bytes, following symlinks. */
export function fileSize(file: string): number {
  return lstatSync(file).isSymbolicLink() ? statSync(file).size : lstatSync(file).size;
}
