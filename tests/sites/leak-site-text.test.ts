/**
 * The leak check on what the public site itself prints on its pages (search filters, interface
 * labels, language names, the site's title, its addresses, a translation's address): no evidence of a
 * leak there, and still one on a page that does not print it. Planted sites, as in leak-scan.test.ts.
 */
import { afterEach, describe, expect, it } from "vitest";
import { makeProject, removeTemps } from "../helpers.ts";
import { card, check, fragment, page, site } from "./leak-planted.ts";

afterEach(() => removeTemps());

describe("what the site itself prints on a public card's page", () => {
  it("is no leak: the card's template as a search filter, when an internal card's tag is the same word", async () => {
    const root = makeProject({
      "content/billing/declines.md": card({ title: "Why a payment was declined", audience: "external", template: "troubleshooting" }, "Check the decline code on the payment."),
      "content/billing/runbook.md": card({ title: "Decline runbook", audience: "internal", tags: ["troubleshooting"] }, "Page the payments on-call engineer."),
    });
    const report = await check(
      root,
      site({ "billing/declines/index.html": page("Why a payment was declined", '<p>Check the decline code on the payment.</p><span hidden data-pagefind-filter="template:troubleshooting"></span>') }),
    );
    expect(report.findings).toEqual([]);
    // Still a needle: another card's page that shows the internal tag is a leak.
    const other = await check(root, site({ "billing/other/index.html": page("Other", "<p>Tagged troubleshooting.</p>") }));
    expect(other.findings.map((f) => f.needle?.kind)).toContain("tag");
  });

  it("is no leak: an interface label in any of the sites' languages that an internal card also uses as a heading", async () => {
    const root = makeProject({
      "content/billing/refunds.md": card({ title: "Refund a payment", audience: "external" }, "Open the payment and choose Refund."),
      "content/billing/runbook.md": card({ title: "Decline runbook", audience: "internal" }, "## Related articles\n\nAsk a lead.\n\n## 이 페이지의 내용\n\nAsk a lead."),
    });
    const labels = `<nav><h2>Related articles</h2><h2>이 페이지의 내용</h2></nav>`;
    const report = await check(root, site({ "billing/refunds/index.html": page("Refund a payment", `<p>Open the payment and choose Refund.</p>${labels}`) }));
    expect(report.findings).toEqual([]);
  });

  it("is no leak: the names of the site's languages, which an internal card also uses as headings", async () => {
    const root = makeProject({
      "content/billing/refunds.md": card({ title: "Refund a payment", audience: "external" }, "Open the payment and choose Refund."),
      "content/billing/refunds-ko.md": card({ title: "결제 환불하기", audience: "external" }, "결제를 열고 환불을 선택합니다.").replace("---\n\n", "lang: ko\ntranslation_of: billing/refunds\n---\n\n"),
      "content/billing/runbook.md": card({ title: "Decline runbook", audience: "internal" }, "## Korean\n\nAsk the Seoul team.\n\n## English\n\nAsk London."),
    });
    const switcher = `<nav><span lang="en">English</span><a lang="ko" href="/billing/refunds-ko/">한국어</a></nav><ul><li>결제 환불하기 <span>Korean</span></li></ul>`;
    const report = await check(root, site({ "billing/refunds/index.html": page("Refund a payment", `<p>Open the payment and choose Refund.</p>${switcher}`) }));
    expect(report.findings).toEqual([]);
  });

  it("is no leak: the site's title and the support link's default label, which every page prints; a label the project writes is", async () => {
    const files = {
      "content/billing/refunds.md": card({ title: "Refund a payment", audience: "external" }, "Open the payment and choose Refund."),
      "content/billing/runbook.md": card({ title: "Decline runbook", audience: "internal" }, "## Contact support\n\nAsk the lead.\n\n## Lumen Help Center\n\nIts editors.\n\n## Talk to the bridge team\n\nCall them."),
    };
    const chrome = (label: string) => `<header>Lumen Help Center</header><footer><a href="https://lumen.example/contact">${label}</a></footer>`;
    const planted = (label: string) => site({ "billing/refunds/index.html": page("Refund a payment", `<p>Open the payment and choose Refund.</p>${chrome(label)}`) });
    const byDefault = makeProject({ ...files, "verity.config.yml": "sites:\n  public:\n    title: Lumen Help Center\nsupport:\n  url: https://lumen.example/contact\n" });
    expect((await check(byDefault, planted("Contact support"))).findings).toEqual([]);
    const labelled = makeProject({ ...files, "verity.config.yml": "sites:\n  public:\n    title: Lumen Help Center\nsupport:\n  url: https://lumen.example/contact\n  label: Talk to the bridge team\n" });
    expect((await check(labelled, planted("Talk to the bridge team"))).findings.map((f) => f.needle?.text)).toEqual(["Talk to the bridge team"]);
  });
  it("is no leak: the address of the page's translation (language switcher, hreflang), named like an internal card", async () => {
    const root = makeProject({
      "content/help/refund-policy.md": card({ title: "Our refund rules", audience: "external" }, "Ask for your money back within thirty days."),
      "content/help/hwanbul.md": card({ title: "환불 규정", audience: "external" }, "구매 후 30일 이내에 환불을 요청할 수 있습니다.").replace("---\n\n", "lang: ko\ntranslation_of: help/refund-policy\n---\n\n"),
      "content/desk/refund-policy.md": card({ title: "Refund handling for agents", audience: "internal" }, "Agents approve goodwill refunds above the limit with a lead."),
    });
    const switcher = `<link rel="alternate" hreflang="en" href="https://help.example/help/refund-policy/"><nav><a lang="en" href="/help/refund-policy/">English</a></nav>`;
    const report = await check(root, site({ "help/hwanbul/index.html": page("환불 규정", `<p>구매 후 30일 이내에 환불을 요청할 수 있습니다.</p>${switcher}`) }));
    expect(report.findings).toEqual([]);
    // A page that is not in the translation group still may not name it.
    const other = await check(root, site({ "help/other/index.html": page("Other", `<p>Hi.</p>${switcher}`) }));
    expect(other.findings.map((f) => f.file)).toEqual(["help/other/index.html"]);
  });
  it("is no leak: an internal link to the company's own site, the start of the support address every page prints", async () => {
    const root = makeProject({
      "verity.config.yml": "support:\n  url: https://acme.test/contact\n",
      "content/billing/refunds.md": card({ title: "Refund a payment", audience: "external" }, "Open the payment and choose Refund."),
      "content/billing/runbook.md": card({ title: "Decline runbook", audience: "internal" }, "See [our website](https://acme.test) and [the admin console](https://acme.test/admin/refunds)."),
    });
    const footer = (extra: string) => `<footer><a href="https://acme.test/contact">Contact support</a>${extra}</footer>`;
    const planted = (extra: string) => site({ "billing/refunds/index.html": page("Refund a payment", `<p>Open the payment and choose Refund.</p>${footer(extra)}`) });
    expect((await check(root, planted(""))).findings).toEqual([]);
    // The address the site does not print is still a needle.
    expect((await check(root, planted("<p>https://acme.test/admin/refunds</p>"))).findings.map((f) => f.needle?.text)).toEqual(["https://acme.test/admin/refunds"]);
  });

  it("is no leak: an internal link to an embed host's bare address, which every page's Content-Security-Policy names", async () => {
    const root = makeProject({
      "verity.config.yml": "sites:\n  public:\n    embeds: [www.youtube.com, \"*.diagrams.example\"]\n",
      "content/billing/refunds.md": card({ title: "Refund a payment", audience: "external" }, "Open the payment and choose Refund."),
      "content/billing/runbook.md": card({ title: "Decline runbook", audience: "internal" }, "Post it on [YouTube](https://www.youtube.com), draw it in [Diagrams](https://diagrams.example), keep [the call](https://www.youtube.com/watch?v=lead-call)."),
    });
    const policy = `<meta http-equiv="content-security-policy" content="default-src 'self'; frame-src 'self' https://www.youtube.com https://*.diagrams.example">`;
    const planted = (extra: string) => site({ "billing/refunds/index.html": page("Refund a payment", `${policy}<p>Open the payment and choose Refund.</p>${extra}`) });
    expect((await check(root, planted(""))).findings).toEqual([]);
    // A video on that host is still a needle.
    expect((await check(root, planted("<p>https://www.youtube.com/watch?v=lead-call</p>"))).findings.map((f) => f.needle?.text)).toEqual(["https://www.youtube.com/watch?v=lead-call"]);
  });

  it("is no leak: a public collection's address on the home page, named like an internal heading", async () => {
    const root = makeProject({
      "content/account-security/_collection.yml": "title: Security settings\n",
      "content/account-security/two-factor.md": card({ title: "Turn on two-step sign-in", audience: "external" }, "Open your profile and choose Two-step sign-in."),
      "content/desk/lockouts.md": card({ title: "Lockout handling", audience: "internal" }, "## Account security\n\nUnlock an account only after the voice check."),
    });
    const tiles = `<section><a href="/account-security/"><h3>Security settings</h3></a></section>`;
    expect((await check(root, site({ "index.html": page("Acme Help", tiles) }))).findings).toEqual([]);
    // A page that does not link the collection still may not carry the words.
    expect((await check(root, site({ "tags/index.html": page("Tags", tiles) }))).findings.map((f) => f.needle?.text)).toEqual(["Account security"]);
  });

  it("is no leak: a class name of the site's own stylesheet, which an internal card uses as a heading", async () => {
    const root = makeProject({
      "content/billing/refunds.md": card({ title: "Refund a payment", audience: "external" }, "Open the payment and choose Refund."),
      "content/billing/runbook.md": card({ title: "Captioning runbook", audience: "internal" }, "## Video caption\n\nWrite one line per speaker."),
    });
    const report = await check(root, site({ "_astro/Base.css": ".video .video-caption{margin:0}", "billing/refunds/index.html": page("Refund a payment", "<p>Open the payment and choose Refund.</p>") }));
    expect(report.findings).toEqual([]);
  });

  it("is no leak: words of the site's own scripts (search's phrasal verbs, its hints), which an internal card uses as headings", async () => {
    const root = makeProject({
      "content/billing/refunds.md": card({ title: "Refund a payment", audience: "external" }, "Open the payment and choose Refund."),
      "content/billing/runbook.md": card({ title: "Session runbook", audience: "internal" }, "## Sign up\n\nCreate the account.\n\n## Log out\n\nEnd every session.\n\n## Did you mean\n\nSpelling help."),
    });
    const script = 'const p=new Set(["log on","log out","sign up"]);s.textContent=`Did you mean `;';
    const report = await check(root, site({ "_astro/search-render.js": script, "billing/refunds/index.html": page("Refund a payment", "<p>Open the payment and choose Refund.</p>") }));
    expect(report.findings).toEqual([]);
    // Still needles: a page that shows the heading.
    const other = await check(root, site({ "billing/refunds/index.html": page("Refund a payment", "<h2>Log out</h2>") }));
    expect(other.findings.map((f) => f.needle?.text)).toEqual(["Log out"]);
  });

  it("a link under the support address or the feedback endpoint is still a needle: only what the pages print is excused", async () => {
    const root = makeProject({
      "verity.config.yml": "support:\n  url: https://acme.test/support\nfeedback:\n  endpoint: https://acme.test/feedback\n",
      "content/billing/refunds.md": card({ title: "Refund a payment", audience: "external" }, "Open the payment and choose Refund."),
      "content/billing/runbook.md": card({ title: "Decline runbook", audience: "internal" }, "Use [the console](https://acme.test/support/admin/impersonate) or [the export](https://acme.test/feedback/export-all)."),
    });
    const planted = (extra: string) => site({ "billing/refunds/index.html": page("Refund a payment", `<a href="https://acme.test/support">Contact support</a>${extra}`) });
    expect((await check(root, planted(""))).findings).toEqual([]);
    const leaked = await check(root, planted('<a href="https://acme.test/support/admin/impersonate">console</a> https://acme.test/feedback/export-all'));
    expect(leaked.findings.map((f) => f.needle?.text).sort()).toEqual(["https://acme.test/feedback/export-all", "https://acme.test/support/admin/impersonate"]);
  });

  it("only what the templates print is the site's own text, not their comments: an internal card at /billing/refunds/ is still looked for", async () => {
    const root = makeProject({
      "content/billing/invoices.md": card({ title: "Download an invoice", audience: "external" }, "Open Billing and choose Invoices."),
      "content/billing/refunds.md": card({ title: "Refund exceptions for agents", audience: "internal" }, "Agents approve goodwill refunds above the limit with a lead."),
    });
    const report = await check(root, site({ "billing/invoices/index.html": page("Download an invoice", '<p>See <a href="/billing/refunds/">the refund rules</a>.</p>') }));
    expect(report.skipped.filter((n) => n.source === "content/billing/refunds.md").map((n) => n.kind)).toEqual([]);
    expect(report.findings.map((f) => f.needle?.kind)).toContain("url");
  });
});

describe("the search entry of a public card whose address is not ASCII", () => {
  // Pagefind writes a page's URL percent-encoded (/billing/%ED%99%98%EB%B6%88-.../), the cards' URLs are not:
  // the entry of a Korean card's page was attributed to no page, so a sentence it shares with an internal
  // card (which its page may show) stopped every public build as a leak.
  it("carries what its page carries, as an ASCII one does", async () => {
    const shared = "Refunds reach the card the customer paid with within ten business days of the request.";
    const root = makeProject({
      "content/billing/환불-안내.md": card({ title: "환불 안내", audience: "external" }, shared),
      "content/support/refund-desk.md": card({ title: "Refund desk procedure", audience: "internal" }, `${shared}\n\nThen note the override code in the ledger for audit purposes before closing the ticket.`),
    });
    const encoded = `/billing/${encodeURIComponent("환불-안내")}/`;
    const report = await check(
      root,
      site({
        "billing/환불-안내/index.html": page("환불 안내", `<p>${shared}</p>`),
        "pagefind/fragment/ko_1.pf_fragment": fragment(encoded, "환불 안내", `환불 안내. ${shared}`),
      }),
    );
    expect(report.findings).toEqual([]);
    // Another page's entry with the sentence is still a leak.
    const other = await check(root, site({ "pagefind/fragment/ko_2.pf_fragment": fragment(`/billing/${encodeURIComponent("다른")}/`, "다른", shared) }));
    expect(other.findings.map((f) => f.needle?.kind)).toContain("body text");
  });
});
