/**
 * The reference stays true: every command and every option the CLI has is documented in docs/ (or
 * the README), and every `verity <command> --option` the docs show exists. Links between the
 * README and docs/ point at files and headings that exist.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import GithubSlugger from "github-slugger";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli } from "../helpers.ts";

const DOCS = path.join(REPO_ROOT, "docs");
const pages = ["README.md", ...readdirSync(DOCS).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const text = Object.fromEntries(pages.map((p) => [p, readFileSync(path.join(REPO_ROOT, p), "utf8")]));
const all = Object.values(text).join("\n");

async function help(args: string[]): Promise<string> {
  const { stdout } = await runCli([...args, "--help"], { cwd: REPO_ROOT });
  return stdout;
}

function optionsOf(helpText: string): string[] {
  const section = helpText.split(/\nOptions:\n/)[1]?.split(/\n\n/)[0] ?? "";
  return [...section.matchAll(/^\s+(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((o) => o !== "--help");
}

const commands = async () => [...(await help([])).split("\nCommands:\n")[1]!.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]!).filter((c) => c !== "help");

describe("the reference in docs/", () => {
  it("documents every command and every option of each command", async () => {
    const missing: string[] = [];
    for (const command of await commands()) {
      if (!all.includes(`verity ${command}`)) missing.push(`verity ${command}`);
      for (const option of optionsOf(await help([command]))) if (!all.includes(option)) missing.push(`verity ${command} ${option}`);
    }
    expect(missing).toEqual([]);
  });

  it("shows only options that exist, in every `verity <command> ...` example", async () => {
    const known = new Map<string, Set<string>>();
    const globals = new Set(optionsOf(await help([])));
    for (const command of await commands()) known.set(command, new Set(optionsOf(await help([command]))));
    const wrong: string[] = [];
    for (const [page, body] of Object.entries(text)) {
      for (const match of body.matchAll(/verity ([a-z-]+)((?: +[^`\n|]*)?)/g)) {
        const options = known.get(match[1]!);
        if (!options) continue;
        for (const option of match[2]!.matchAll(/(?<![\w-])(--[a-z][a-z-]*)/g)) {
          const name = option[1]!.replace(/^--no-/, "--");
          if (!options.has(option[1]!) && !options.has(name) && !globals.has(option[1]!)) wrong.push(`${page}: verity ${match[1]} ${option[1]}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("links only to files and headings that exist", () => {
    const broken: string[] = [];
    const anchorsOf = (file: string) => {
      const slugger = new GithubSlugger();
      const body = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
      const ids = new Set([...body.matchAll(/^#{1,6} +(.+)$/gm)].map((m) => slugger.slug(m[1]!)));
      for (const m of body.matchAll(/<a id="([^"]+)"/g)) ids.add(m[1]!);
      return ids;
    };
    for (const [page, body] of Object.entries(text)) {
      for (const m of body.matchAll(/\]\(([^)\s#]*\.md)?(?:#([^)\s]+))?\)/g)) {
        if (!m[1] && !m[2]) continue;
        const target = m[1] ? path.resolve(path.dirname(path.join(REPO_ROOT, page)), m[1]) : path.join(REPO_ROOT, page);
        if (!existsSync(target)) {
          broken.push(`${page}: ${m[0]}`);
          continue;
        }
        if (m[2] && target.endsWith(".md") && !anchorsOf(target).has(m[2])) broken.push(`${page}: ${m[0]}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
