/**
 * Windows drops the dots and spaces that end a folder name (IIS, an Azure or Windows file share): a
 * public redirect at `/help/escalation./`, or a file in `help/escalation./`, is deployed at the
 * internal card's address `/help/escalation/` there, and names it anywhere. Both are refused on the
 * help center, as the same address in other letter case is. So is a folder whose name is the card's
 * percent-encoded (`%65scalation`), which a host that decodes the address serves at the card's.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { refusedAliasMessage } from "../../src/core/site/redirects.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const card = (title: string, audience: string, body: string, extra = "") =>
  `---\ntitle: ${title}\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-01\n${extra}---\n\n${body}\n`;

describe("a folder whose name is an internal card's, percent-encoded", () => {
  it("is no attachment folder on the help center: a host that decodes the address serves it at the card's", () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/help/escalation.md": card("Escalation", "internal", "Internal steps."),
      "content/help/refunds.md": card("Refunds", "external", "Public. ![shot](%2565scalation/shot.png) ![fine](fine/ok.png)"),
      "content/help/%65scalation/shot.png": "PNG",
      "content/help/fine/ok.png": "PNG",
    });
    const sites = prepareSites(loadProject({ cwd: dir, today: "2026-11-22" }), ["public", "internal"], { history: { available: false, reason: "none" }, snapshotDir: `${dir}/.snap` });
    expect(sites.get("public")!.assets.map((a) => a.sitePath)).toEqual(["/_files/help/fine/ok.png"]);
    expect(sites.get("internal")!.assets.map((a) => a.sitePath).sort()).toEqual(["/_files/help/%65scalation/shot.png", "/_files/help/fine/ok.png"]);
  });
});

describe("addresses that differ from an internal card's by trailing dots or spaces", () => {
  it("are neither redirects nor attachments on the help center", () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/help/escalation.md": card("Escalation", "internal", "Internal steps."),
      "content/help/refunds.md": card("Refunds", "external", "Public. ![shot](<escalation./shot.png>) ![other](<escalation /other.png>) ![fine](fine/ok.png)", 'aliases: ["/help/escalation./", "/help/escalation../steps/"]\n'),
      "content/help/escalation./shot.png": "PNG",
      "content/help/escalation /other.png": "PNG",
      "content/help/fine/ok.png": "PNG",
    });
    const { pub, refused, sites } = publicSite(dir);
    expect(pub.redirects.map((r) => r.from)).toEqual([]);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatch(/the alias \/help\/escalation\.\/ is not redirected on the public site: its address names the internal card \/help\/escalation\//);
    expect(pub.assets.map((a) => a.sitePath)).toEqual(["/_files/help/fine/ok.png"]);
    expect(sites.get("internal")!.assets.map((a) => a.sitePath).sort()).toEqual(["/_files/help/escalation /other.png", "/_files/help/escalation./shot.png", "/_files/help/fine/ok.png"]);
  });
});

describe("card addresses that differ from another card's by the dots or spaces ending a name", () => {
  it("are a duplicate-id error, as names in other letter case are: a public collection legal./ is the internal-only legal/ on Windows", async () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/legal/contract-disputes.md": card("Contract disputes playbook", "internal", "Escalate every dispute to outside counsel."),
      "content/legal./terms.md": card("Terms of service", "external", "Our terms apply to every workspace."),
      "content/help/refunds.md": card("Refunds", "internal", "Internal refund steps."),
      "content/help/refunds..md": card("Refunds for customers", "external", "Public refund steps."),
      "content/help/ops /notes.md": card("Ops notes", "external", "Public notes."),
      "content/help/ops/notes.md": card("Ops notes inside", "internal", "Internal notes."),
      // A long s is an s to macOS's case-insensitive disk and to the leak check, which stopped the build where lint had passed.
      "content/security-desk/takeover.md": card("Account takeover procedure", "internal", "Lock the workspace first."),
      "content/\u017Fecurity-desk/faq.md": card("Keeping your account safe", "external", "Turn on two-factor authentication."),
      // A dotless i is an I to Windows, which compares names in upper case: ıt/ is the IT desk's it/ there.
      "content/it/laptops.md": card("Laptop imaging runbook", "internal", "Reimage with the gold image."),
      "content/\u0131t/faq.md": card("Desk FAQ", "external", "Public answers."),
    });
    const { results } = await lintJson(dir);
    const hits = flatMessages(results, dir).filter((m) => m.ruleId === "duplicate-id");
    // One card of each pair is reported (whichever is loaded second), naming the other.
    expect(hits).toHaveLength(5);
    const of = (pair: string[]) => hits.filter((m) => pair.includes(m.file));
    expect(of(["content/legal/contract-disputes.md", "content/legal./terms.md"])[0]!.message).toMatch(
      /^The collection folder content\/legal\.?\/ differs from content\/legal\.?\/ only in letter case or in how its accents are encoded \(Unicode normalization\) or in the dots and spaces ending its name/,
    );
    expect(of(["content/help/refunds.md", "content/help/refunds..md"])[0]!.message).toMatch(/^The URL \/help\/refunds\.?\/ differs from \/help\/refunds\.?\/ \(content\/help\/refunds\.?\.md\) only in letter case or in the dots and spaces ending a name/);
    expect(of(["content/help/ops/notes.md", "content/help/ops /notes.md"])).toHaveLength(1);
    expect(of(["content/security-desk/takeover.md", "content/\u017Fecurity-desk/faq.md"])).toHaveLength(1);
    expect(of(["content/it/laptops.md", "content/\u0131t/faq.md"])).toHaveLength(1);
  });

  it("leave other names alone", async () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/help/v1.md": card("Version one", "external", "Public."),
      "content/help/v1.5.md": card("Version one and a half", "external", "Public."),
      "content/help.old/v1.md": card("Old version one", "external", "Public."),
    });
    const { results } = await lintJson(dir);
    expect(flatMessages(results, dir).filter((m) => m.ruleId === "duplicate-id")).toEqual([]);
  });
});

describe("a collection folder named like the sites' own pages but for the dots and spaces ending it", () => {
  it("is reserved as the name itself is: Windows writes content/tags./payments.md's page over the tag page /tags/payments/", async () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/help/refunds.md": card("Refunds", "external", "Public.", "tags: [payments]\n"),
      "content/tags./payments.md": card("Payments", "external", "Public."),
      "content/search /tips.md": card("Search tips", "external", "Public."),
    });
    const { results } = await lintJson(dir);
    const hits = flatMessages(results, dir).filter((m) => /reserved|sites use for their own pages/.test(m.message));
    expect(hits.map((m) => m.file).sort()).toEqual(["content/search ", "content/tags."]);
  });
});

describe("addresses that name a page only the wiki has in another form of its letters", () => {
  it("are neither redirects nor attachment folders on the help center (ı for i, ſ for s, full-width letters)", () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/it/laptops.md": card("Laptop imaging runbook", "internal", "Reimage with the gold image."),
      "content/help/escalation.md": card("Escalation", "internal", "Internal steps."),
      "content/help/refunds.md": card(
        "Refunds",
        "external",
        "Public. ![shot](escalat\u0131on/shot.png) ![fine](fine/ok.png)",
        'aliases: ["/\u0131t/old-faq/", "/help/e\u017Fcalation/", "/help/\uFF45scalation/", "/help/refund-faq/"]\n',
      ),
      "content/help/escalat\u0131on/shot.png": "PNG",
      "content/help/fine/ok.png": "PNG",
    });
    const { pub, refused } = publicSite(dir);
    expect(pub.redirects.map((r) => r.from)).toEqual(["/help/refund-faq/"]);
    expect(refused).toHaveLength(3);
    expect(pub.assets.map((a) => a.sitePath)).toEqual(["/_files/help/fine/ok.png"]);
  });
});

/** The help center prepared from the project in `dir`, and the messages of the aliases it refused. */
function publicSite(dir: string) {
  const refused: string[] = [];
  const sites = prepareSites(loadProject({ cwd: dir, today: "2026-11-22" }), ["public", "internal"], {
    history: { available: false, reason: "none" },
    snapshotDir: `${dir}/.snap`,
    onRefusedAlias: (alias) => refused.push(refusedAliasMessage(alias)),
  });
  return { pub: sites.get("public")!, refused, sites };
}
