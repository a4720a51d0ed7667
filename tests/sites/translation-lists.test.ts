/** Lists in the reader's language, from the site data (no Astro): collection lists, related cards, previous/next. */
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

const card = (title: string, extra = "") => `---\ntitle: ${title}\nowner: "@acme/team"\naudience: external\nverify_by: 2099-01-01\ntags: [billing]\n${extra}---\n\nText.\n`;

function site() {
  const root = tempDir("translation-lists");
  dirs.push(root);
  const files: Record<string, string> = {
    "verity.config.yml": "lang: en\n",
    "content/billing/a-refunds.md": card("A refunds"),
    "content/billing/a-refunds-ko.md": card("가 환불", "lang: ko\ntranslation_of: billing/a-refunds\n"),
    "content/billing/b-invoices.md": card("B invoices"),
    "content/billing/c-payouts.md": card("C payouts"),
    "content/billing/c-payouts-ko.md": card("다 정산", "lang: ko\ntranslation_of: billing/c-payouts\n"),
    "content/billing/d-korean-only-ko.md": card("라 한국 전용", "lang: ko\n"),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const project = loadProject({ cwd: root, root, today: "2030-01-01" });
  return prepareSites(project, ["public"], { history: NO_HISTORY, contentHistory: undefined }).get("public")!;
}

describe("lists in the reader's language", () => {
  it("shows one card per translation group, the reader's language first, then the rest", () => {
    const data = site();
    const billing = data.collections[0]!;
    expect(billing.localized.en).toEqual(["billing/a-refunds", "billing/b-invoices", "billing/c-payouts", "billing/d-korean-only-ko"]);
    expect(billing.localized.ko).toEqual(["billing/a-refunds-ko", "billing/c-payouts-ko", "billing/d-korean-only-ko", "billing/b-invoices"]);
    expect(data.languages).toEqual(["en", "ko"]);
    expect(data.languageHomes).toEqual({ en: "/", ko: "/ko/" });
  });

  it("links previous/next within the card's own language list, and never to its own translation in related", () => {
    const data = site();
    const view = (id: string) => data.cards.find((c) => c.id === id)!;
    expect(view("billing/a-refunds-ko")).toMatchObject({ prev: undefined, next: "billing/c-payouts-ko" });
    expect(view("billing/b-invoices")).toMatchObject({ prev: "billing/a-refunds", next: "billing/c-payouts" });
    expect(view("billing/a-refunds-ko").related).toEqual(["billing/c-payouts-ko", "billing/d-korean-only-ko", "billing/b-invoices"]);
    expect(view("billing/a-refunds").related).not.toContain("billing/a-refunds-ko");
    expect(view("billing/a-refunds").translations).toEqual([
      { lang: "en", id: "billing/a-refunds" },
      { lang: "ko", id: "billing/a-refunds-ko" },
    ]);
    expect(view("billing/a-refunds-ko").sourceId).toBe("billing/a-refunds");
  });
});
