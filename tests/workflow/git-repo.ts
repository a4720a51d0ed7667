/** Temporary git repositories with fixed UTC commit dates, for history-dependent tests. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

export interface TempRepo {
  root: string;
  /** Writes files (relative path -> text), creating folders. */
  write(files: Record<string, string>): void;
  read(file: string): string;
  remove(file: string): void;
  git(...args: string[]): string;
  /** Stages everything and commits at `date` (YYYY-MM-DD or an ISO time; UTC). */
  commit(message: string, date: string, author?: { name: string; email: string }): string;
  dispose(): void;
}

// Keep the developer's global git configuration (user, hooks, signing) out of the tests. The code
// under test runs git through simple-git, which drops every GIT_* variable it inherits, so an
// empty HOME is what isolates it.
const HOME = mkdtempSync(path.join(tmpdir(), "verity-home-"));
afterAll(() => rmSync(HOME, { recursive: true, force: true }));
process.env.HOME = HOME;
process.env.XDG_CONFIG_HOME = HOME;
const BASE_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", TZ: "UTC" };

export function createTempRepo(options: { init?: boolean } = {}): TempRepo {
  const root = mkdtempSync(path.join(tmpdir(), "verity-repo-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, env: BASE_ENV, encoding: "utf8" });
  if (options.init !== false) {
    git("init", "-q", "-b", "main");
    git("config", "user.name", "Test Author");
    git("config", "user.email", "author@example.com");
    git("config", "core.autocrlf", "false");
  }
  return {
    root,
    write(files) {
      for (const [file, text] of Object.entries(files)) {
        const full = path.join(root, file);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, text);
      }
    },
    read: (file) => readFileSync(path.join(root, file), "utf8"),
    remove: (file) => rmSync(path.join(root, file), { force: true }),
    git,
    commit(message, date, author) {
      const when = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T12:00:00Z` : date;
      git("add", "-A");
      const env = {
        ...BASE_ENV,
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_DATE: when,
        ...(author ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email } : {}),
      };
      execFileSync("git", ["commit", "-q", "--allow-empty", "-m", message], { cwd: root, env, encoding: "utf8" });
      return git("rev-parse", "HEAD").trim();
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Frontmatter + body of a minimal valid card. */
export function cardText(fields: Record<string, string>, body = "Some text.\n"): string {
  const all = { title: "A card", owner: '"@team/docs"', audience: "external", verify_by: "2027-01-31", ...fields };
  const lines = Object.entries(all).filter(([, v]) => v !== "").map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}`;
}
