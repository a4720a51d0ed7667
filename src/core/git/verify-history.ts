/**
 * How `verify_by`, `verified_on` and `status` of each card changed over time, read with ONE `git log -p -G`
 * call: git keeps only the commits and files whose diff adds or removes such a line, and `-U0`
 * keeps only those lines. Combined with the file history (renames, deletions) from
 * git-history.ts, this reconstructs every card's verification date at any past day.
 */
import path from "node:path";
import { simpleGit } from "simple-git";
import { toCalendarDate, type CalendarDate } from "../verification/calendar-date.ts";
import { projectPathMapper, realRoot } from "./changes.ts";
import { HEADER_LINE, HEADER_MARK } from "./log-marks.ts";

/** New values a commit gave one file; a missing key means the commit did not change it. */
export interface FieldUpdate {
  verifyBy?: CalendarDate;
  verifiedOn?: CalendarDate;
  /** `published` also when the `status` line was removed (published is the default). */
  status?: "draft" | "published";
}

/** commit hash -> project-relative path (after the commit) -> what changed. */
export type FieldUpdates = Map<string, Map<string, FieldUpdate>>;

const VERIFY_LINE = /^([+-])(verify[_-]by)[ \t]*:[ \t]*["']?(\d{4}-\d{2}-\d{2})["']?/;
const VERIFIED_ON_LINE = /^\+verified_on[ \t]*:[ \t]*["']?(\d{4}-\d{2}-\d{2})["']?/;
const STATUS_LINE = /^([+-])status[ \t]*:[ \t]*["']?(draft|published)["']?/;

export async function readFieldUpdates(root: string, folder: string, topLevel: string): Promise<FieldUpdates> {
  const out = await simpleGit(root).raw([
    "-c", "core.quotepath=off",
    "log", "-p", "-U0", "-M", "--no-color", "--no-ext-diff", `--format=${HEADER_MARK}%H`,
    "-G", "^(verify[_-]by|verified_on|status)[[:space:]]*:",
    "--", path.resolve(realRoot(root), folder),
  ]);
  return parseFieldUpdates(out, projectPathMapper(topLevel, root));
}

/**
 * Parses `git log -p -U0 --format=<HEADER_MARK>%H` output. A commit starts at a line of the mark and a hash: a line of the
 * patch starts with a diff letter (+, -, @, diff, ...), never with the mark, which an added or removed line may hold
 * elsewhere (the log was split at every \x1e, so such a line began a commit of its own, with the rest as its hash).
 */
export function parseFieldUpdates(out: string, toProject: (gitPath: string) => string = (p) => p): FieldUpdates {
  const updates: FieldUpdates = new Map();
  const records: string[][] = [];
  for (const line of out.split("\n")) {
    if (HEADER_LINE.test(line)) records.push([line.slice(HEADER_MARK.length)]);
    else records.at(-1)?.push(line);
  }
  for (const lines of records) {
    const hash = lines[0]!.trim();
    const files = new Map<string, FieldUpdate>();
    let current: FieldUpdate | undefined;
    let oldPath: string | undefined;
    const seen = { verifyBy: false, status: false, statusRemoved: false };
    const finish = () => {
      if (current && seen.statusRemoved && current.status === undefined) current.status = "published";
    };
    for (const line of lines.slice(1)) {
      if (line.startsWith("diff --git ")) {
        finish();
        current = undefined;
        oldPath = undefined;
        seen.verifyBy = seen.status = seen.statusRemoved = false;
        continue;
      }
      if (line.startsWith("--- ")) {
        oldPath = line === "--- /dev/null" ? undefined : stripPrefix(line.slice(4), "a/");
        continue;
      }
      if (line.startsWith("+++ ")) {
        const newPath = line === "+++ /dev/null" ? oldPath : stripPrefix(line.slice(4), "b/");
        if (newPath === undefined) continue;
        current = {};
        files.set(toProject(newPath), current);
        continue;
      }
      if (!current) continue;
      const verify = VERIFY_LINE.exec(line);
      if (verify) {
        if (verify[1] === "+" && !seen.verifyBy) {
          const date = toCalendarDate(verify[3]!);
          if (date) current.verifyBy = date;
          seen.verifyBy = true;
        }
        continue;
      }
      const verifiedOn = VERIFIED_ON_LINE.exec(line);
      if (verifiedOn) {
        const date = toCalendarDate(verifiedOn[1]!);
        if (date && current.verifiedOn === undefined) current.verifiedOn = date;
        continue;
      }
      const status = STATUS_LINE.exec(line);
      if (status) {
        if (status[1] === "+" && !seen.status) {
          current.status = status[2] as "draft" | "published";
          seen.status = true;
        } else if (status[1] === "-") seen.statusRemoved = true;
      }
    }
    finish();
    updates.set(hash, files);
  }
  return updates;
}

function stripPrefix(value: string, prefix: string): string {
  const clean = unquoteGitPath(value.replace(/\t$/, ""));
  return clean.startsWith(prefix) ? clean.slice(prefix.length) : clean;
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/**
 * A path as a diff header writes it: git puts a name holding `"`, `\` or a control character in double quotes with C
 * escapes (`"a/content/q\"x.md"`, octal bytes for the rest), whatever core.quotepath says; other names as they are.
 */
function unquoteGitPath(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value;
  const bytes: number[] = [];
  const body = value.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== "\\") {
      bytes.push(...Buffer.from(char, "utf8"));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1))?.[0];
    if (octal) {
      bytes.push(Number.parseInt(octal, 8));
      i += 3;
    } else {
      const next = body[i + 1] ?? "";
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
