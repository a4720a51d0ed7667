/**
 * llms.txt and the Markdown copy of each card, on both sites of a real build: the public site's
 * hold only external cards and no link to an internal one, and the leak check reads them.
 */
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureBuild } from "./demo-build.ts";
import { runCli, tempDir } from "./helpers.ts";

let out: string;

const copies: string[] = [];

// The build other site tests read too (it exited 0): a test that changes a file changes a copy.
beforeAll(async () => {
  out = (await fixtureBuild("basic")).dir;
});

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

const read = (...parts: string[]) => readFileSync(path.join(out, ...parts), "utf8");

describe("llms.txt and Markdown copies", () => {
  it("list every card of the site with a link to its Markdown copy", () => {
    const publicIndex = read("public", "llms.txt");
    expect(publicIndex).toMatch(/^# /);
    expect(publicIndex).toContain("/billing/refund-a-payment.md");
    expect(publicIndex).not.toContain("refund-exceptions");
    expect(publicIndex).not.toContain("draft-card");
    expect(read("internal", "llms.txt")).toContain("/billing/refund-exceptions.md");
    expect(existsSync(path.join(out, "public", "billing", "refund-exceptions.md"))).toBe(false);
  });

  it("hold the card body without frontmatter, HTML comments or links to internal cards", () => {
    const copy = read("public", "billing", "refund-a-payment.md");
    expect(copy).toMatch(/^# Refund/);
    expect(copy).not.toContain("audience:");
    expect(copy).not.toContain("<!--");
    expect(copy).not.toContain("refund-exceptions");
    expect(read("internal", "billing", "refund-a-payment.md")).toContain("Owner:");
  });

  it("are read by the leak check", async () => {
    const site = path.join(tempDir("llms"), "public");
    copies.push(path.dirname(site));
    cpSync(path.join(out, "public"), site, { recursive: true });
    expect((await runCli(["check-leaks", site, "--root", path.resolve("tests/fixtures/sites/basic")])).code).toBe(0);
    appendFileSync(path.join(site, "billing", "refund-a-payment.md"), `\n${read("internal", "billing", "refund-exceptions.md")}`);
    const result = await runCli(["check-leaks", site, "--root", path.resolve("tests/fixtures/sites/basic")]);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain("refund-a-payment.md");
  });
});
