/**
 * The leak check against planted public sites, one fixture per class: each test writes its own
 * project (cards, attachments) and a public output folder shaped like a real build (card pages at
 * their URLs, a sitemap, gzip Pagefind files), then plants the leak. No Astro run: the check reads
 * the project and the folder, so these run in seconds; tests/sites/leak.test.ts and
 * leak-demo.test.ts cover real builds.
 */
import { spawnSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createPhraseSearch } from "../../src/build/phrase-search.ts";
import { makeProject, removeTemps, REPO_ROOT, runCli } from "../helpers.ts";
import { card, check, fragment, page, site } from "./leak-planted.ts";

afterEach(() => removeTemps());

const RUNBOOK_SENTENCE = "Read the override code 4417 from the support vault before you reset the terminal PIN.";

/** An internal runbook whose sentence an external card also has (the "moved text" case). */
function runbookProject(extra: Record<string, string | Uint8Array> = {}): string {
  return makeProject({
    "content/billing/runbook.md": card(
      { title: "Terminal PIN runbook", audience: "internal", owner: "@acme/payments-oncall" },
      `## Reset the terminal PIN\n\n${RUNBOOK_SENTENCE}\n\nEscalate to the payments on-call engineer when the vault is locked.`,
    ),
    "content/billing/refunds.md": card({ title: "Refund a payment", audience: "external" }, `Open the payment and choose Refund.\n\n${RUNBOOK_SENTENCE}`),
    "content/billing/invoices.md": card({ title: "Download an invoice", audience: "external" }, "Open Billing and choose Invoices to download a PDF copy."),
    ...extra,
  });
}

describe("text an external card's source also has", () => {
  it("is still a leak on a page that is not that external card's, and not on the card's own page", async () => {
    const root = runbookProject();
    const dir = site({
      "billing/refunds/index.html": page("Refund a payment", `<p>Open the payment and choose Refund.</p><p>${RUNBOOK_SENTENCE}</p>`),
      "billing/invoices/index.html": page("Download an invoice", `<p>Open Billing and choose Invoices to download a PDF copy.</p><p>${RUNBOOK_SENTENCE}</p>`),
    });
    const report = await check(root, dir);
    expect(report.skipped.filter((s) => s.text === RUNBOOK_SENTENCE)).toEqual([]);
    const hits = report.findings.filter((f) => f.needle?.text === RUNBOOK_SENTENCE);
    expect(hits.map((f) => f.file)).toEqual(["billing/invoices/index.html"]);
    expect(hits[0]!.leaked).toBe("content/billing/runbook.md");
    expect(hits[0]!.message).toContain("internal card content/billing/runbook.md's body text");
    expect(hits[0]!.message).toContain("found in billing/invoices/index.html (the page of public card billing/invoices)");
    expect(hits[0]!.message).toContain("likely cause: the text was copied into external card content/billing/invoices.md");
  });

  it("does not join a URL's last word with the element name after it, or the words on either side of a blank line, into an internal code", async () => {
    const root = runbookProject({
      "content/billing/webhooks.md": card({ title: "Webhook internals", audience: "internal" }, "Subscribe to `subscription.updated` and `lumen-security`.\n"),
    });
    const dir = site({
      "feed.xml": '<feed><entry><link href="https://help.acme.test/billing/change-or-cancel-a-subscription/"/><updated>2026-12-01</updated></entry></feed>',
      "llms.txt": "- The payments came from Lumen.\n\n## Security and compliance\n",
      "billing/invoices/index.html": page("Download an invoice", "<p>Open Billing and choose Invoices to download a PDF copy.</p>"),
    });
    expect((await check(root, dir)).findings).toEqual([]);
    // The same codes written out are still found, in either file.
    const leaked = site({
      "feed.xml": "<feed><entry><summary>Listen for subscription.updated events.</summary></entry></feed>",
      "llms.txt": "- Ask lumen-\nsecurity for access.\n",
    });
    const files = (await check(root, leaked)).findings.map((f) => `${f.file}: ${f.needle?.text}`).sort();
    expect(files).toEqual(["feed.xml: subscription.updated", "llms.txt: lumen-security"]);
  });

  it("finds headings, code lines, absolute link URLs and owner handles used only by internal cards", async () => {
    const root = runbookProject({
      "content/billing/vault.md": card(
        { title: "Vault access", audience: "internal", owner: "@acme/payments-oncall" },
        "```sh\nvault read secret/terminal/override-codes\n```\n\nSee [the dashboard](https://grafana.acme.internal/d/terminal-pins) or [search](/search/?q=vault).",
      ),
    });
    const dir = site({
      "billing/invoices/index.html": page(
        "Download an invoice",
        '<h2>Reset the terminal PIN</h2><pre>vault read secret/terminal/override-codes</pre><p>Ask @acme/payments-oncall.</p><a href="https://grafana.acme.internal/d/terminal-pins">x</a>',
      ),
      "billing/refunds/index.html": page("Refund a payment", `<form action="/search/"></form><p>${RUNBOOK_SENTENCE}</p>`),
    });
    const findings = (await check(root, dir)).findings;
    expect(findings.map((f) => f.needle?.kind)).toEqual(expect.arrayContaining(["heading", "code", "owner", "link"]));
    // A site path every page has (/search/) is no needle, so the other page stays clean.
    expect(findings.filter((f) => f.file === "billing/refunds/index.html")).toEqual([]);
  });

  it("finds a sentence whose words are split by inline tags, zero-width characters, soft hyphens or full-width letters", async () => {
    const root = runbookProject();
    const split = "Read the over<b>ride</b> code 4417 from the sup<span>port</span> vault before you re<i>set</i> the terminal PIN.";
    const invisible = "Read the over\u200Bride code 4417 from the sup&shy;port vault before you re\u2060set the terminal PIN.";
    const wide = "Read the ｏｖｅｒｒｉｄｅ code 4417 from the support vault before you reset the terminal PIN.";
    const dir = site({
      "billing/invoices/index.html": page("Download an invoice", `<p>${split}</p>`),
      "billing/invoices/index.md": `# Download an invoice\n\n${invisible}\n`,
      "notes.txt": `${wide}\n`,
    });
    const report = await check(root, dir);
    const hits = report.findings.filter((f) => f.needle?.text === RUNBOOK_SENTENCE);
    expect(hits.map((f) => f.file).sort()).toEqual(["billing/invoices/index.html", "billing/invoices/index.md", "notes.txt"]);
  });

  it("does not report an owner handle that also owns public cards", async () => {
    const root = runbookProject();
    const report = await check(root, site({ "billing/invoices/index.html": page("Download an invoice", "<p>Owned by @acme/support.</p>") }));
    expect(report.needles.some((n) => n.kind === "owner" && n.text === "@acme/support")).toBe(false);
    expect(report.findings).toEqual([]);
  });
});

describe("files by content hash", () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("internal terminal wiring diagram ".repeat(20))]);
  const pdf = Buffer.from("%PDF-1.7\n% internal escalation contacts\n".repeat(30));
  const logo = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from("public logo bytes ".repeat(10))]);

  function attachmentsProject(): string {
    return makeProject({
      "content/billing/runbook.md": card({ title: "Terminal wiring", audience: "internal" }, "![Wiring](wiring.png)\n\n[Contacts](contacts.pdf)"),
      "content/billing/wiring.png": png,
      "content/billing/contacts.pdf": pdf,
      "content/billing/refunds.md": card({ title: "Refund a payment", audience: "external" }, "![Logo](logo.png)"),
      "content/billing/logo.png": logo,
    });
  }

  it("reports an image and a PDF used only by an internal card, under any name, compressed or not", async () => {
    const dir = site({
      "billing/refunds/index.html": page("Refund a payment", '<img src="../../_files/billing/logo.png" alt="Logo">'),
      "_files/billing/logo.png": logo,
      "_files/billing/diagram.png": png,
      "assets/manual.bin": pdf,
      "pagefind/extra.pf_meta": gzipSync(png),
    });
    const files = (await check(attachmentsProject(), dir)).findings.filter((f) => f.type === "file");
    expect(files.map((f) => [f.file, f.leaked]).sort()).toEqual([
      ["_files/billing/diagram.png", "content/billing/wiring.png"],
      ["assets/manual.bin", "content/billing/contacts.pdf"],
      ["pagefind/extra.pf_meta", "content/billing/wiring.png"],
    ]);
    expect(files.find((f) => f.file === "assets/manual.bin")!.message).toContain("content/billing/contacts.pdf (used only by content/billing/runbook.md) is in the public site as assets/manual.bin");
  });

  it("reports an internal card's Markdown file copied into the site", async () => {
    const root = attachmentsProject();
    const raw = card({ title: "Terminal wiring", audience: "internal" }, "![Wiring](wiring.png)\n\n[Contacts](contacts.pdf)");
    const files = (await check(root, site({ "billing/refunds.md": raw }))).findings.filter((f) => f.type === "file");
    expect(files.map((f) => f.leaked)).toEqual(["content/billing/runbook.md"]);
  });
});

describe("symbolic links in the scanned site", () => {
  // The scan followed a linked folder (a link to / read the whole disk and stopped on the first
  // folder it could not read: an internal error) and never read a linked file, so a page linked to
  // the internal runbook passed the check while a web server would serve the runbook.
  it("reports each link as a leak, follows none, and still scans the real files", async () => {
    const root = runbookProject();
    const dir = site({ "billing/invoices/index.html": page("Download an invoice", "<p>Open Billing and choose Invoices to download a PDF copy.</p>") });
    symlinkSync("/", path.join(dir, "everything"));
    symlinkSync(path.join(root, "content/billing/runbook.md"), path.join(dir, "billing/runbook.html"));
    const report = await check(root, dir);
    expect(report.scannedFiles).toBe(1);
    const links = report.findings.filter((f) => f.type === "file").map((f) => [f.file, f.leaked]);
    expect(links).toEqual([
      ["billing/runbook.html", path.join(root, "content/billing/runbook.md")],
      ["everything", "/"],
    ]);
    expect(report.findings[0]!.message).toContain("is a symbolic link");
  });
});

const ORIGINAL =
  "When a merchant disputes a chargeback after the deadline, agents first confirm the order number and the card network. " +
  "The bank decides within forty five days, and the merchant keeps the funds frozen until the bank answers. " +
  "Agents never promise an outcome, never share the dispute score, and always log the call in the dispute tracker with the reason code. " +
  "If the merchant threatens legal action, transfer the call to the risk team and note the time of the transfer.";
const NEAR_COPY = ORIGINAL.replace("forty five days", "about six weeks").replace("always log", "must log");

function nearCopyProject(config = ""): string {
  return makeProject({
    "verity.config.yml": config,
    "content/disputes/late-chargeback.md": card({ title: "Late chargeback handling", audience: "internal", id: "disputes/late-chargeback" }, ORIGINAL),
    "content/disputes/chargebacks.md": card({ title: "Chargebacks explained", audience: "external", id: "disputes/chargebacks" }, NEAR_COPY),
  });
}

function nearCopySite(): string {
  return site({
    "disputes/chargebacks/index.html": page("Chargebacks explained", `<p>${NEAR_COPY}</p>`),
    "pagefind/fragment/en_1a2b3c.pf_fragment": fragment("/disputes/chargebacks/", "Chargebacks explained", `Chargebacks explained. ${NEAR_COPY}`),
  });
}

describe("near copies", () => {
  it("warn (not fail) when a public page is a near copy of an internal card", async () => {
    const root = nearCopyProject();
    const dir = nearCopySite();
    const report = await check(root, dir);
    expect(report.findings).toEqual([]);
    expect(report.warnings).toHaveLength(1);
    const warning = report.warnings[0]!;
    expect(warning).toMatchObject({ type: "near copy", severity: "warning", leaked: "content/disputes/late-chargeback.md", page: "content/disputes/chargebacks.md" });
    expect(warning.similarity!.jaccard).toBeGreaterThan(0.5);
    expect(warning.message).toContain("add [disputes/late-chargeback, disputes/chargebacks] to leakCheck.allowCopies");
    const cli = await runCli(["check-leaks", dir, "--root", root], { cwd: root });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain("1 warning (near copies of internal cards; not a failure, review them):");
  });

  it("are silent for a pair listed in leakCheck.allowCopies", async () => {
    const root = nearCopyProject("leakCheck:\n  allowCopies:\n    - [disputes/late-chargeback, disputes/chargebacks]\n");
    expect((await check(root, nearCopySite())).warnings).toEqual([]);
  });

  it("compare Chinese, Japanese and Korean text by characters", async () => {
    const zh = "退款请求必须在三十天内由主管批准，否则系统会自动拒绝。客服人员不得向客户透露风险评分，也不得承诺结果。如果商户威胁采取法律行动，请将电话转给风险团队并记录转接时间。";
    const root = makeProject({
      "content/disputes/zh-internal.md": card({ title: "内部退款规则", audience: "internal", id: "disputes/zh-internal" }, zh),
      "content/disputes/zh-public.md": card({ title: "退款说明", audience: "external", id: "disputes/zh-public" }, zh.replace("三十天", "一个月")),
    });
    const dir = site({ "pagefind/fragment/zh_1.pf_fragment": fragment("/disputes/zh-public/", "退款说明", zh.replace("三十天", "一个月")) });
    expect((await check(root, dir)).warnings.map((w) => w.leaked)).toEqual(["content/disputes/zh-internal.md"]);
  });

  it("rejects an allowCopies entry that is not a pair of ids", async () => {
    const root = nearCopyProject("leakCheck:\n  allowCopies:\n    - disputes/late-chargeback\n");
    const result = await runCli(["check-leaks", nearCopySite(), "--root", root], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/verity\.config\.yml:\d+: .*leakCheck\.allowCopies/);
  });
});

describe("leaks in the whole-site files and in names", () => {
  const root = () => runbookProject();
  it("finds an internal card in the sitemap, the search index and a file name", async () => {
    const dir = site({
      "sitemap.xml": `<?xml version="1.0"?><urlset><url><loc>https://help.example.com/billing/refunds/</loc></url><url><loc>https://help.example.com/billing/runbook/</loc></url></urlset>`,
      "pagefind/fragment/en_9f.pf_fragment": fragment("/billing/invoices/", "Download an invoice", "Download an invoice. Escalate to the payments on-call engineer when the vault is locked."),
      "pagefind/index/en_77.pf_index": gzipSync(Buffer.from("pagefind_dcd terminal pin runbook")),
      "billing/runbook-2/index.html": "<!doctype html><p>Moved.</p>",
    });
    const findings = (await check(root(), dir)).findings;
    const where = (file: string) => findings.filter((f) => f.file === file).map((f) => `${f.where}: ${f.needle?.kind}`);
    expect(where("sitemap.xml")).toContain("content: url");
    expect(where("pagefind/fragment/en_9f.pf_fragment")).toContain("content: body text");
    expect(findings.find((f) => f.file === "pagefind/fragment/en_9f.pf_fragment")!.message).toContain("the search entry of page of public card billing/invoices");
    expect(where("pagefind/index/en_77.pf_index")).toContain("content: title");
    expect(where("billing/runbook-2/index.html")).toContain("file name: file name");
  });

  // A collection's page is <collection>/index.html: its path is the collection's URL, not that of a card named index.
  it("reads a page's file name as its URL: an internal card named index is not the collection page", async () => {
    const r = makeProject({
      "content/help/index.md": card({ title: "Agent index of escalations", audience: "internal" }, "Escalate to the payments on-call engineer when the vault is locked."),
      "content/help/reset.md": card({ title: "Reset your password", audience: "external" }, "Choose Forgot password on the sign-in page."),
    });
    const clean = site({
      "help/index.html": page("Help", '<a href="reset/">Reset your password</a>'),
      "help/reset/index.html": page("Reset your password", "<p>Choose Forgot password on the sign-in page.</p>"),
    });
    expect((await check(r, clean)).findings).toEqual([]);
    const leaked = site({ "help/index.html": page("Help", ""), "help/index/index.html": "<!doctype html><p>Moved.</p>" });
    expect([...new Set((await check(r, leaked)).findings.filter((f) => f.where === "file name").map((f) => f.file))]).toEqual(["help/index/index.html"]);
  });

  it("stays quiet on a clean planted site and exits 0", async () => {
    const dir = site({
      "billing/refunds/index.html": page("Refund a payment", `<p>Open the payment and choose Refund.</p><p>${RUNBOOK_SENTENCE}</p>`),
      "billing/invoices/index.html": page("Download an invoice", "<p>Open Billing and choose Invoices to download a PDF copy.</p>"),
      "sitemap.xml": "<urlset><url><loc>https://help.example.com/billing/refunds/</loc></url></urlset>",
      "pagefind/fragment/en_1.pf_fragment": fragment("/billing/refunds/", "Refund a payment", `Refund a payment. ${RUNBOOK_SENTENCE}`),
    });
    const r = root();
    const result = await runCli(["check-leaks", dir, "--root", r, "--format", "json"], { cwd: r });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { ok: boolean; findings: unknown[]; warnings: unknown[]; scannedFiles: number };
    expect(json).toMatchObject({ ok: true, findings: [], warnings: [], scannedFiles: 4 });
  });

  it("prints findings as JSON with file, card, needle and message, and exits 1", async () => {
    const r = root();
    const dir = site({ "billing/invoices/index.html": page("Download an invoice", `<p>${RUNBOOK_SENTENCE}</p>`) });
    const result = await runCli(["check-leaks", dir, "--root", r, "--format", "json"], { cwd: r });
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { ok: boolean; findings: { file: string; leaked: string; needle: { kind: string }; message: string }[] };
    expect(json.ok).toBe(false);
    expect(json.findings[0]).toMatchObject({ file: "billing/invoices/index.html", leaked: "content/billing/runbook.md", needle: { kind: "body text" } });
    expect(json.findings[0]!.message).toContain("likely cause");
  });
});

describe("verity check-leaks on a pipe", () => {
  it("stops quietly when the reader closes the pipe (| head -1)", () => {
    const r = runbookProject();
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) files[`copies/${i}/page.html`] = `<p>${RUNBOOK_SENTENCE}</p>`;
    const dir = site(files);
    const bin = path.join(REPO_ROOT, "cli", "bin.js");
    const result = spawnSync("sh", ["-c", `"${process.execPath}" "${bin}" check-leaks "${dir}" --root "${r}" | head -1`], { encoding: "utf8" });
    expect(result.stdout).toMatch(/^\d+ leaks in /);
    expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
  });
});

describe("phrase search", () => {
  it("finds phrases word by word across punctuation, CJK by character", () => {
    const search = createPhraseSearch(["billing/refund-a-payment", "reset the pin", "summary", "退款请求"]);
    expect([...search.findIn('<a href="/billing/refund-a-payment/">x</a>')]).toEqual([0]);
    expect([...search.findIn("reset, the\npin!")]).toEqual([1]);
    expect([...search.findIn("the summary tag")]).toEqual([2]);
    expect([...search.findIn("summaryx")]).toEqual([]);
    expect([...search.findIn("客户的退款请求")]).toEqual([3]);
    expect([...search.findIn("reset the pins")]).toEqual([]);
  });
});
