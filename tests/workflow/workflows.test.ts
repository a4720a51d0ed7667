import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { runCli } from "./cli.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKFLOWS = path.join(ROOT, ".github/workflows");
const SCRIPT = path.join(ROOT, ".github/scripts/sync-owner-issues.mjs");
const FILES = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();
const SCRIPTS = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  steps: Step[];
  permissions?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

function load(file: string): Workflow {
  const doc = parseDocument(readFileSync(path.join(WORKFLOWS, file), "utf8"), { uniqueKeys: true });
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  return doc.toJS() as Workflow;
}

/** `verity <command> [--options]` invocations (through npx verity or node cli/bin.js) in a run script. */
function verityCalls(run: string): { command: string; options: string[] }[] {
  const calls: { command: string; options: string[] }[] = [];
  for (const line of run.split("\n")) {
    const match = /(?:npx verity|node cli\/bin\.js)\s+([a-z-]+)(.*)$/.exec(line);
    if (match) calls.push({ command: match[1]!, options: [...match[2]!.matchAll(/(?:^|\s)(--[a-z-]+)/g)].map((m) => m[1]!) });
  }
  return calls;
}

describe("GitHub workflows", () => {
  it("has the three workflows", () => {
    expect(FILES).toEqual(["deploy.yml", "freshness.yml", "pull-request.yml"]);
  });

  it.each(FILES)("%s parses, and every verity command, option, npm script and script file it runs exists", async (file) => {
    const workflow = load(file);
    expect(Object.keys(workflow.jobs).length).toBeGreaterThan(0);
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) {
        expect(step.run !== undefined || step.uses !== undefined).toBe(true);
        if (!step.run) continue;
        for (const call of verityCalls(step.run)) {
          const help = await runCli([call.command, "--help"], ROOT);
          expect(help.code, `verity ${call.command} in ${file}`).toBe(0);
          expect(help.stdout).toContain(`Usage: verity ${call.command}`);
          for (const option of call.options) expect(help.stdout, `verity ${call.command} ${option} in ${file}`).toContain(option);
        }
        for (const match of step.run.matchAll(/npm run ([\w:-]+)/g)) expect(SCRIPTS, `npm run ${match[1]} in ${file}`).toHaveProperty(match[1]!);
        for (const match of step.run.matchAll(/node (\.github\/[\w./-]+)/g)) expect(existsSync(path.join(ROOT, match[1]!)), match[1]).toBe(true);
      }
    }
  });

  it.each(FILES)("%s checks out the full history in every job that reads it", (file) => {
    const workflow = load(file);
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const readsHistory = job.steps.some((s) => s.run && /--changed|verity report|npm run build/.test(s.run));
      if (!readsHistory) continue;
      const checkout = job.steps.find((s) => s.uses?.startsWith("actions/checkout@"));
      expect(checkout?.with?.["fetch-depth"], `${file} job ${name}`).toBe(0);
    }
  });

  it("pull-request.yml lints changed cards with annotations and a step summary, checks CODEOWNERS, builds, checks leaks and uploads both sites", () => {
    const steps = load("pull-request.yml").jobs.check!.steps;
    const runs = steps.map((s) => s.run ?? "").join("\n");
    expect(runs).toContain('npx verity lint --changed "origin/$BASE_REF" --format github --summary "$GITHUB_STEP_SUMMARY"');
    expect(runs).toContain("npx verity codeowners --check");
    expect(runs).toContain("npm run build");
    expect(runs).toContain("npx verity check-leaks dist/public");
    expect(steps.filter((s) => s.uses?.startsWith("actions/upload-artifact@")).map((s) => s.with?.path)).toEqual(["dist/public", "dist/internal"]);
  });

  it("deploy.yml publishes the public site to GitHub Pages and keeps the internal one as an artifact", () => {
    const workflow = load("deploy.yml");
    expect(workflow.on).toHaveProperty("push", { branches: ["main"] });
    const build = workflow.jobs.build!.steps;
    expect(build.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))?.with?.path).toBe("dist/public");
    expect(build.find((s) => s.uses?.startsWith("actions/upload-artifact@"))?.with?.path).toBe("dist/internal");
    const deploy = workflow.jobs.deploy!;
    expect(deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
  });

  it("freshness.yml runs weekly and on demand, with permission to write issues", () => {
    const workflow = load("freshness.yml");
    expect(workflow.on).toHaveProperty("workflow_dispatch");
    expect((workflow.on.schedule as { cron: string }[])[0]!.cron).toMatch(/^\S+ \S+ \* \* [0-6]$/);
    expect(workflow.permissions).toMatchObject({ issues: "write" });
    const runs = workflow.jobs.remind!.steps.map((s) => s.run ?? "").join("\n");
    expect(runs).toContain('npx verity report --format markdown >> "$GITHUB_STEP_SUMMARY"');
    expect(runs).toContain("node .github/scripts/sync-owner-issues.mjs reports/owner-issues.json");
  });
});

describe("sync-owner-issues.mjs", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("plans updates, creations and closings", async () => {
    const { planIssueActions } = (await import(SCRIPT)) as {
      planIssueActions(wanted: { title: string; body: string }[], open: { number: number; title: string }[]): unknown[];
    };
    const wanted = [
      { title: "Cards to verify: @a", body: "A" },
      { title: "Cards to verify: @b", body: "B" },
    ];
    const open = [
      { number: 1, title: "Cards to verify: @a" },
      { number: 2, title: "Cards to verify: @c" },
      { number: 3, title: "Cards to verify: @a" },
      { number: 4, title: "Something else" },
    ];
    expect(planIssueActions(wanted, open)).toEqual([
      { type: "update", number: 1, title: "Cards to verify: @a", body: "A" },
      { type: "create", title: "Cards to verify: @b", body: "B" },
      { type: "close", number: 2, title: "Cards to verify: @c", reason: "done" },
      { type: "close", number: 3, title: "Cards to verify: @a", reason: "duplicate" },
    ]);
  });

  it("drives gh: label, list, edit, create and close", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "verity-gh-"));
    dirs.push(dir);
    const log = path.join(dir, "gh.log");
    writeFileSync(path.join(dir, "open.json"), JSON.stringify([{ number: 7, title: "Cards to verify: @a" }, { number: 9, title: "Cards to verify: @gone" }]));
    writeFileSync(
      path.join(dir, "gh"),
      `#!/bin/sh\nprintf 'gh %s\\n' "$*" >> "${log}"\ncase "$*" in\n  "issue list"*) cat "${dir}/open.json" ;;\n  *--body-file*) cat >> "${log}"; printf '\\n' >> "${log}" ;;\nesac\n`,
    );
    chmodSync(path.join(dir, "gh"), 0o755);
    const input = path.join(dir, "issues.json");
    writeFileSync(input, JSON.stringify([{ title: "Cards to verify: @a", body: "body A" }, { title: "Cards to verify: @b", body: "body B" }]));
    const out = execFileSync(process.execPath, [SCRIPT, input], { env: { ...process.env, PATH: `${dir}:${process.env.PATH}` }, encoding: "utf8" });
    expect(out).toContain("1 created, 1 updated, 1 closed.");
    expect(readFileSync(log, "utf8")).toBe(
      [
        "gh label create cards-to-verify --color D93F0B --description A card owner has cards to re-verify --force",
        "gh issue list --label cards-to-verify --state open --limit 1000 --json number,title",
        "gh issue edit 7 --body-file -",
        "body A",
        "gh issue create --title Cards to verify: @b --label cards-to-verify --body-file -",
        "body B",
        "gh issue close 9 --comment No card of this owner is expired or expiring any more. Closed by the freshness workflow.",
        "",
      ].join("\n"),
    );
  });
});
