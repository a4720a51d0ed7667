/**
 * A language's home page (`/hr/`, `/it/`) is a folder of the site: on the help center it may not take
 * the address of a page only the wiki has, the address of an internal-only collection (`content/hr/`,
 * the HR desk, beside a Croatian translation). Site data only (no Astro).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { tempDir } from "./helpers.ts";

const NO_HISTORY = { available: false as const, reason: "not in git" };
let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

const card = (title: string, audience: string, extra = "") => `---\ntitle: ${title}\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-01\n${extra}---\n\nText.\n`;

function sites() {
  const root = tempDir("language-homes");
  dirs.push(root);
  const files: Record<string, string> = {
    "verity.config.yml": "lang: en\n",
    "content/billing/refunds.md": card("Refunds", "external"),
    "content/billing/refunds-hr.md": card("Povrat novca", "external", "lang: hr\ntranslation_of: billing/refunds\n"),
    "content/billing/invoices-it.md": card("Fatture", "external", "lang: it\n"),
    "content/billing/invoices-ko.md": card("청구서", "external", "lang: ko\n"),
    "content/hr/_collection.yml": "title: HR desk\ndefaults:\n  audience: internal\n",
    "content/hr/payroll-escalations.md": card("Payroll escalations", "internal"),
    "content/it/laptop-reset.md": card("Laptop reset", "internal"),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const project = loadProject({ cwd: root, root, today: "2030-01-01" });
  expect(project.problems).toEqual([]);
  return prepareSites(project, ["public", "internal"], { history: NO_HISTORY, contentHistory: undefined });
}

describe("language home pages", () => {
  it("never puts a language's home on the help center at the address of a collection only the wiki has", () => {
    const data = sites();
    const help = data.get("public")!;
    // /hr/ and /it/ are the wiki's HR and IT collections: the help center's Croatian and Italian readers get its home page.
    expect(help.languageHomes).toEqual({ en: "/", hr: "/", it: "/", ko: "/ko/" });
    expect(help.homeAlternates).toEqual([
      { lang: "en", path: "/" },
      { lang: "ko", path: "/ko/" },
    ]);
    // The wiki has those collections, so its Croatian and Italian homes were its home page already.
    expect(data.get("internal")!.languageHomes).toEqual({ en: "/", hr: "/", it: "/", ko: "/ko/" });
  });
});
