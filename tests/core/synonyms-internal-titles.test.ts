/**
 * The sites publish a synonym group's words with the public cards that use it, and the leak check
 * takes them for those cards' own words: an internal card's title written into the synonyms file
 * reached the help center's search data and pages unseen. Lint now stops it, at the file's line.
 */
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const cards = {
  "verity.config.yml": "minTrustScore: 0\n",
  "content/security/takeover.md": exampleCard({ title: "Suspected account takeover" }, "Lock the account, then call the on-call lead.\n"),
  "content/security/refunds.md": exampleCard({ title: "Refunds" }, "Internal refund notes.\n"),
  "content/security/shared.md": exampleCard({ title: "Two-step verification" }, "Agents' notes.\n"),
  "content/security/war-room.md": exampleCard({ title: "War room", description: "Escalation path for the Acme Corp outage" }, "Call the lead.\n"),
  "content/help/status.md": exampleCard({ title: "Service status", audience: "external", description: "Where to see outages" }, "See the status page.\n"),
  "content/help/two-step.md": exampleCard({ title: "Two-step verification", audience: "external" }, "Turn on two-step verification.\n"),
  "content/help/account.md": exampleCard({ title: "Account security", audience: "external" }, "Protect your account with two-step verification.\n"),
  "content/security/_collection.yml": "title: Security desk\ndescription: Takeover desk for agents\ndefaults:\n  audience: internal\n",
  "content/security/ja.md": exampleCard({ title: "アカウント乗っ取りの疑い", lang: "ja" }, "担当者に連絡します。\n"),
};

async function synonymFindings(synonyms: string) {
  const dir = makeProject({ ...cards, "style-guide/synonyms.yml": synonyms });
  const { code, results } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
  return { code, findings: flatMessages(results, dir).filter((m) => m.ruleId === "synonyms") };
}

describe("synonyms that are an internal card's title", () => {
  it("are an error at the group's line, naming the card", async () => {
    const { code, findings } = await synonymFindings("- en: [refund, money back]\n- en: [account security, Suspected  Account Takeover]\n");
    expect(code).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ file: "style-guide/synonyms.yml", line: 2, severity: 2 });
    expect(findings[0]!.message).toMatch(/"Suspected {2}Account Takeover", the title of the internal card security\/takeover, which the help center does not have/);
    expect(findings[0]!.message).toMatch(/Remove the word, or put it in that card's keywords: instead\./);
  });

  it("leave a one-word title and a title a public card also has alone", async () => {
    const { code, findings } = await synonymFindings("- en: [refunds, money back]\n- en: [two-step verification, 2FA]\n");
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });

  it("find an internal title inside a longer synonym, and a Chinese or Japanese title written without spaces", async () => {
    const { code, findings } = await synonymFindings("- en: [account security, suspected account takeover procedure]\n- ja: [アカウント保護, アカウント乗っ取りの疑いがある場合]\n");
    expect(code).toBe(1);
    expect(findings.map((f) => f.line)).toEqual([1, 2]);
    expect(findings[0]!.message).toMatch(/"suspected account takeover procedure", which has the title of the internal card security\/takeover/);
    expect(findings[1]!.message).toMatch(/the title of the internal card security\/ja/);
  });

  // The leak check refuses an internal card's description on a public page as it refuses its title,
  // synonyms or not (leak-needles.ts): lint passed the word, and the build stopped at the leak check,
  // after the whole site was built ("internal card ...'s description ... found in help/.../index.html").
  it("find an internal card's description too, as the leak check does, and leave a public card's alone", async () => {
    const { code, findings } = await synonymFindings("- en: [outage, escalation path for the Acme Corp outage]\n- en: [incident, where to see outages]\n");
    expect(code).toBe(1);
    expect(findings.map((f) => f.line)).toEqual([1]);
    expect(findings[0]!.message).toMatch(/"escalation path for the Acme Corp outage", the description of the internal card security\/war-room, which the help center does not have/);
  });

  // The leak check refuses it too (a collection's short name, its title, is what a synonym may share).
  it("find the description of a collection the help center does not describe, and leave its title alone", async () => {
    const { code, findings } = await synonymFindings("- en: [takeover, takeover desk for agents]\n- en: [security, security desk]\n");
    expect(code).toBe(1);
    expect(findings.map((f) => f.line)).toEqual([1]);
    expect(findings[0]!.message).toMatch(/"takeover desk for agents", the description of the collection security, which the help center does not show/);
  });
});
