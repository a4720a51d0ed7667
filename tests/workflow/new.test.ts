import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { runCli } from "./cli.ts";
import { createTempRepo, type TempRepo } from "./git-repo.ts";

const REPO_TEMPLATES = path.resolve(import.meta.dirname, "../../style-guide/templates");
const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

function project(withTemplates: boolean): TempRepo {
  const repo = createTempRepo({ init: false });
  repos.push(repo);
  repo.write({
    "verity.config.yml": "verifyEvery: 90d\n",
    "content/billing/_collection.yml": 'title: Billing\ndefaults:\n  owner: "@lumen/billing"\n',
    "content/api/_collection.yml": "title: API\ndefaults:\n  verify_every: 30d\n  lang: ko\n",
  });
  if (withTemplates) cpSync(REPO_TEMPLATES, path.join(repo.root, "style-guide/templates"), { recursive: true });
  return repo;
}

describe("verity new", () => {
  it("scaffolds a card from a style-guide template with the collection's defaults", async () => {
    const repo = project(true);
    const result = await runCli(["new", "how-to", "billing/refund-a-payment", "--title", 'Refund a "card" payment', "--audience", "external", "--description", "How to refund.", "--today", "2026-11-22"], repo.root);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Created content/billing/refund-a-payment.md (template how-to, owner @lumen/billing, external, verify_by 2027-02-20)");
    expect(result.stdout).toContain("verity lint content/billing/refund-a-payment.md");
    expect(result.stdout).toContain("git push -u origin HEAD");
    const text = repo.read("content/billing/refund-a-payment.md");
    expect(text).not.toMatch(/\{\{\w+\}\}/);
    const loaded = loadProject({ cwd: repo.root, today: "2026-11-22" });
    expect(loaded.problems).toEqual([]);
    const card = loaded.cards.find((c) => c.relPath === "content/billing/refund-a-payment.md")!;
    expect(card.data).toMatchObject({
      title: 'Refund a "card" payment',
      owner: "@lumen/billing",
      audience: "external",
      verify_by: "2027-02-20",
      lang: "en",
      template: "how-to",
      description: "How to refund.",
    });
    expect(card.headings.map((h) => h.text)).toEqual(["Before you start", "Steps", "Result"]);
  });

  it("takes the audience from the template, the interval and lang from the collection", async () => {
    const repo = project(true);
    const result = await runCli(["new", "internal-policy", "api/key-rotation", "--title", "Key rotation", "--owner", "sec@example.com", "--today", "2026-01-31"], repo.root);
    expect(result.code).toBe(0);
    const card = loadProject({ cwd: repo.root, today: "2026-01-31" }).cards[0]!;
    expect(card.data).toMatchObject({ audience: "internal", owner: "sec@example.com", verify_by: "2026-03-02", lang: "ko" });
    expect(card.data.description).toBeUndefined();
    expect(result.stdout).toContain('add a line "description: <one sentence>"');
  });

  it("uses a minimal built-in template when the project has no templates folder", async () => {
    const repo = project(false);
    const listed = await runCli(["new", "how-to", "billing/x"], repo.root);
    expect(listed.code).toBe(2);
    expect(listed.stderr).toContain('There is no template "how-to".');
    expect(listed.stderr).toContain("Templates: card.");
    const result = await runCli(["new", "card", "billing/x", "--title", "X", "--audience", "external", "--today", "2026-11-22"], repo.root);
    expect(result.code).toBe(0);
    const [card] = loadProject({ cwd: repo.root, today: "2026-11-22" }).cards;
    expect(card!.data).toMatchObject({ title: "X", owner: "@lumen/billing", audience: "external", verify_by: "2027-02-20" });
  });

  it("creates a card in a subfolder of a collection", async () => {
    const repo = project(true);
    const result = await runCli(["new", "faq", "billing/cards/faq", "--title", "Card FAQ", "--audience", "external", "--today", "2026-11-22"], repo.root);
    expect(result.code).toBe(0);
    const card = loadProject({ cwd: repo.root, today: "2026-11-22" }).cards[0]!;
    expect([card.relPath, card.url]).toEqual(["content/billing/cards/faq.md", "/billing/cards/faq/"]);
  });

  it("never overwrites a card", async () => {
    const repo = project(true);
    repo.write({ "content/billing/refunds.md": "mine\n" });
    const result = await runCli(["new", "faq", "billing/refunds", "--title", "Refunds", "--audience", "external"], repo.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("content/billing/refunds.md already exists; verity new never overwrites a card.");
    expect(repo.read("content/billing/refunds.md")).toBe("mine\n");
  });

  it("lists the templates and collections that exist when given unknown ones", async () => {
    const repo = project(true);
    const template = await runCli(["new", "howto", "billing/x", "--title", "X"], repo.root);
    expect(template.code).toBe(2);
    expect(template.stderr).toContain('There is no template "howto".');
    expect(template.stderr).toContain("Templates: call-review, faq, feature-detail, how-to, internal-policy, troubleshooting.");
    const collection = await runCli(["new", "how-to", "payments/x", "--title", "X"], repo.root);
    expect(collection.code).toBe(2);
    expect(collection.stderr).toContain('There is no collection "payments".');
    expect(collection.stderr).toContain("Collections: api, billing.");
    expect(collection.stderr).toContain("mkdir content/payments and add content/payments/_collection.yml");
  });

  it("fails with exit 2 naming the missing flags when it cannot ask", async () => {
    const repo = project(true);
    const result = await runCli(["new", "how-to", "api/x"], repo.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Missing --title, --owner, --audience: verity new asks for them only in a terminal.");
    expect(existsSync(path.join(repo.root, "content/api/x.md"))).toBe(false);
  });

  it("asks for missing values in a terminal, again after an invalid answer", async () => {
    const repo = project(true);
    const answers = ["Rotate keys", "not an owner", "@lumen/dev", "External", "external", "Rotate API keys every 90 days."];
    const asked: string[] = [];
    const result = await runCli(["new", "how-to", "api/rotate-keys", "--today", "2026-11-22"], repo.root, {
      isInteractive: true,
      prompt: async (question) => {
        asked.push(question);
        return answers.shift() ?? "";
      },
    });
    expect(result.code).toBe(0);
    expect(asked).toHaveLength(6);
    expect(asked[5]).toMatch(/^Description/);
    expect(result.stderr).toContain("neither a GitHub handle nor an email");
    expect(result.stderr).toContain("Write it in lowercase: audience: external");
    const card = loadProject({ cwd: repo.root, today: "2026-11-22" }).cards[0]!;
    expect(card.data).toMatchObject({ title: "Rotate keys", owner: "@lumen/dev", audience: "external", description: "Rotate API keys every 90 days." });
  });

  it("rejects a slug that cannot be a URL and an invalid flag value", async () => {
    const repo = project(true);
    const slug = await runCli(["new", "how-to", "billing/Refund Payment", "--title", "X"], repo.root);
    expect(slug.code).toBe(2);
    expect(slug.stderr).toContain('The slug "Refund Payment" is not allowed');
    const audience = await runCli(["new", "how-to", "billing/x", "--title", "X", "--audience", "public"], repo.root);
    expect(audience.code).toBe(2);
    expect(audience.stderr).toContain("Did you mean audience: external?");
    expect(readFileSync(path.join(repo.root, "content/billing/_collection.yml"), "utf8")).toContain("Billing");
  });

  // A file where the slug needs a folder made mkdir fail with EEXIST, which was reported as
  // "content/billing/guides/x.md already exists; verity new never overwrites a card".
  it("says a part of the path is a file, not that the card exists", async () => {
    const repo = project(true);
    repo.write({ "content/billing/guides": "notes\n" });
    const result = await runCli(["new", "how-to", "billing/guides/x", "--title", "X", "--audience", "external", "--today", "2026-11-22"], repo.root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Could not write content/billing/guides/x.md: a part of the path is a file, not a folder");
    expect(result.stderr).not.toContain("already exists");
    expect(repo.read("content/billing/guides")).toBe("notes\n");
  });

  // A template is a pull request's input like a card: one that wrote `audience: external` (or another
  // owner) as plain text, not "{{audience}}", made `verity new --audience internal` print "internal"
  // and write a public card, whose internal text then went to the help center on merge.
  it("refuses a template that writes another audience, owner, title or language than the one asked", async () => {
    const repo = project(true);
    const policy = repo.read("style-guide/templates/internal-policy.md");
    const cases: [string, string][] = [
      ["audience", policy.replace('audience: "{{audience}}"', "audience: external")],
      ["audience", policy.replace('audience: "{{audience}}"', '# audience: "{{audience}}"\naudience: external')],
      ["owner", policy.replace('owner: "{{owner}}"', 'owner: "@someone/else"')],
      ["title", policy.replace('title: "{{title}}"', 'title: "Something else"')],
      ["lang", policy.replace('lang: "{{lang}}"', "lang: en")],
    ];
    for (const [i, [field, text]] of cases.entries()) {
      repo.write({ [`style-guide/templates/bent-${i}.md`]: text });
      const result = await runCli(["new", `bent-${i}`, `billing/runbook-${i}`, "--title", "Runbook", "--audience", "internal", "--lang", "ko", "--today", "2026-11-22"], repo.root);
      expect(result.code, `${field}: ${result.stdout}`).toBe(2);
      expect(result.stderr).toContain(`style-guide/templates/bent-${i}.md`);
      expect(result.stderr).toContain(field);
      expect(existsSync(path.join(repo.root, `content/billing/runbook-${i}.md`))).toBe(false);
    }
    // The repository's own templates write what was asked, in every case.
    const ok = await runCli(["new", "internal-policy", "billing/runbook", "--title", "Runbook", "--audience", "internal", "--lang", "ko", "--today", "2026-11-22"], repo.root);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
  });

  // templates.yml may make a template's cards internal (internal-policy), never external: a public card is
  // always chosen with --audience external. `how-to: audience: external` there made verity new write a
  // public card into an internal-only collection when the author gave no --audience.
  it("never takes an external audience from templates.yml", async () => {
    const repo = project(true);
    repo.write({
      "content/ops/_collection.yml": 'title: Ops\ndefaults:\n  audience: internal\n  owner: "@lumen/ops"\n',
      "style-guide/templates/templates.yml": repo.read("style-guide/templates/templates.yml").replace(/(\n  how-to:\n)/, "$1    audience: external\n"),
    });
    const result = await runCli(["new", "how-to", "ops/runbook", "--title", "Runbook", "--today", "2026-11-22"], repo.root);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(loadProject({ cwd: repo.root, today: "2026-11-22" }).cards[0]!.data.audience).toBe("internal");
    const asked = await runCli(["new", "how-to", "billing/x", "--title", "X", "--today", "2026-11-22"], repo.root);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain("Missing --audience");
  });

  // A 300-letter slug was an internal error (ENAMETOOLONG) from the file system.
  it("rejects a slug part longer than a file name may be, before touching the disk", async () => {
    const repo = project(true);
    const long = "a".repeat(300);
    const result = await runCli(["new", "how-to", `billing/${long}`, "--title", "X", "--audience", "external", "--today", "2026-11-22"], repo.root);
    expect(result.stderr).not.toMatch(/internal error|ENAMETOOLONG/);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is 300 characters long; a part of a slug may have at most 200");
    const ok = await runCli(["new", "how-to", `billing/${"a".repeat(200)}`, "--title", "X", "--audience", "external", "--today", "2026-11-22"], repo.root);
    expect(ok.code).toBe(0);
  });

  // The card was written in place: a write cut short (here by a file-size limit, as by a full disk)
  // left the first 1024 bytes of the card, and running verity new again said it already exists.
  it("writes the card whole or not at all", () => {
    const repo = project(true);
    const bin = path.resolve(import.meta.dirname, "../../cli/bin.js");
    const args = [bin, "new", "feature-detail", "billing/big", "--title", "X", "--audience", "external", "--description", "d", "--today", "2026-11-22"];
    const cut = spawnSync("/bin/sh", ["-c", 'ulimit -f 1; exec "$0" "$@"', process.execPath, ...args], { cwd: repo.root, encoding: "utf8" });
    expect(cut.status).toBe(2);
    expect(cut.stderr).toContain("Could not write content/billing/big.md");
    expect(readdirSync(path.join(repo.root, "content/billing"))).toEqual(["_collection.yml"]);
    const again = spawnSync(process.execPath, args, { cwd: repo.root, encoding: "utf8" });
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
    expect(repo.read("content/billing/big.md").length).toBeGreaterThan(1024);
  });
});
