import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { collectHeadings } from "../../src/core/site/anchors.ts";
import { parseMarkdown } from "../../src/core/cards/markdown.ts";
import { STYLE_GUIDE_RULES } from "../../src/core/style/builtin/index.ts";
import { loadTemplateCatalog } from "../../src/core/style/builtin/template-catalog.ts";
import { checkTemplateStructure, templateStructure } from "../../src/core/style/builtin/template-structure.ts";
import { makeContext, REPO_ROOT, runRule } from "./builtin-context.ts";

const GUIDE = path.join(REPO_ROOT, "style-guide/README.md");
const STYLE_DIR = path.join(REPO_ROOT, "style-guide/styles/Verity");
const TEMPLATE_DIR = path.join(REPO_ROOT, "style-guide/templates");
const guideAnchors = new Set(collectHeadings(parseMarkdown(readFileSync(GUIDE, "utf8"))).map((h) => h.id));
const ruleFiles = readdirSync(STYLE_DIR).filter((name) => name.endsWith(".yml"));
const catalog = loadTemplateCatalog(path.join(TEMPLATE_DIR, "templates.yml"));

function expectGuideLink(link: unknown, where: string): void {
  expect(typeof link, `${where} has no link`).toBe("string");
  const match = /^style-guide\/README\.md#(.+)$/.exec(link as string);
  expect(match, `${where}: link ${String(link)} is not style-guide/README.md#<anchor>`).not.toBeNull();
  expect(guideAnchors.has(match![1]!), `${where}: #${match![1]} is not a heading of style-guide/README.md`).toBe(true);
}

describe("links from rules to the style guide", () => {
  it("has the sections the guide promises", () => {
    for (const anchor of ["voice-and-tone", "customers-external-cards", "agents-internal-cards", "headings", "card-types", "terminology", "words-to-avoid",
      "numbers-dates-and-ui-labels", "links-and-alt-text", "link-text", "alt-text", "korean", "speech-level", "word-spacing", "loanwords", "chinese",
      "full-width-punctuation", "spacing-between-chinese-and-latin-text", "machine-rules"]) {
      expect(guideAnchors.has(anchor), anchor).toBe(true);
    }
  });

  it.each(ruleFiles)("Verity/%s links to an existing heading of the guide", (name) => {
    const rule = parse(readFileSync(path.join(STYLE_DIR, name), "utf8")) as Record<string, unknown>;
    expectGuideLink(rule.link, name);
  });

  it("links every built-in rule and template to an existing heading of the guide", () => {
    for (const rule of STYLE_GUIDE_RULES) expectGuideLink(rule.url, rule.id);
    for (const template of catalog.templates.values()) expectGuideLink(template.guide, `template ${template.name}`);
  });

  const valeRow = (name: string): string => {
    const rule = parse(readFileSync(path.join(STYLE_DIR, name), "utf8")) as { extends: string; level: string };
    return `| \`Verity.${name.replace(/\.yml$/, "")}\` | ${rule.extends} | ${rule.level} |`;
  };

  it("lists every rule in the guide's rule tables with its type and level", () => {
    const guide = readFileSync(GUIDE, "utf8");
    for (const name of ruleFiles) expect(guide).toContain(valeRow(name));
    for (const rule of STYLE_GUIDE_RULES) expect(guide).toContain(`| \`${rule.id}\` | ${rule.defaultLevel} |`);
  });

  it("documents every rule in the rule tables of docs/rules.md", () => {
    const readme = readFileSync(path.join(REPO_ROOT, "docs", "rules.md"), "utf8");
    for (const rule of STYLE_GUIDE_RULES) expect(readme).toContain(`| \`${rule.id}\` | ${rule.defaultLevel} |`);
    for (const name of ruleFiles) expect(readme).toContain(valeRow(name));
  });
});

describe("card templates", () => {
  const files = readdirSync(TEMPLATE_DIR).filter((name) => name.endsWith(".md"));

  it("defines the six card types with the section names the cards use", () => {
    const sections = Object.fromEntries([...catalog.templates].map(([name, t]) => [name, t.sections.map((s) => s.title)]));
    expect(sections).toEqual({
      "how-to": ["Before you start", "Steps", "Result"],
      troubleshooting: ["Symptoms", "Cause", "Fix"],
      faq: [],
      "internal-policy": ["Policy", "Who it applies to", "Exceptions", "Escalation"],
      "feature-detail": ["What it is", "Who gets it", "Release date", "How to explain it to customers", "Known limits", "FAQ"],
      "call-review": ["Customer", "Summary", "What went well", "What to improve"],
    });
    expect(files.map((f) => f.replace(/\.md$/, "")).sort()).toEqual([...catalog.templates.keys()].sort());
  });

  it.each([...catalog.templates.keys()])("%s.md has the placeholders and its required sections in order", (name) => {
    const source = readFileSync(path.join(TEMPLATE_DIR, `${name}.md`), "utf8");
    const frontmatter = parse(/^---\n([\s\S]*?)\n---\n/.exec(source)![1]!) as Record<string, unknown>;
    expect(frontmatter).toMatchObject({ title: "{{title}}", owner: "{{owner}}", audience: "{{audience}}", verify_by: "{{verify_by}}", lang: "{{lang}}", template: name });
    expect(source).toContain("{{template}}");
    const ctx = makeContext(source, { file: path.join(TEMPLATE_DIR, `${name}.md`), lang: "en" });
    expect(checkTemplateStructure(ctx, catalog)).toEqual([]);
    const h2 = collectHeadings(ctx.tree).filter((h) => h.depth === 2).map((h) => h.text);
    const required = catalog.templates.get(name)!.sections.map((s) => s.title);
    expect(h2.filter((text) => required.includes(text))).toEqual(required);
  });
});

describe("template-structure", () => {
  const howTo = (body: string, extra = ""): string =>
    `---\ntitle: Refund a payment\nowner: "@lumen/billing"\naudience: external\nverify_by: 2027-05-14\ntemplate: how-to\n${extra}---\n\nIntro.\n\n${body}\n`;

  it("accepts the required sections in order, with other sections between them, in any letter case", () => {
    expect(runRule(templateStructure, howTo("## Before you start\n\n## Steps\n\n## Refund limits\n\n## result"))).toEqual([]);
  });

  it("reports a missing section after the last one found", () => {
    const findings = runRule(templateStructure, howTo("## Before you start\n\n## Steps\n\nDo it."));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 13, column: 1 });
    expect(findings[0]!.message).toBe(
      'Missing section "## Result", required by the how-to template (sections in order: Before you start, Steps, Result). Add it after "## Steps", or change the card\'s template.',
    );
  });

  it("reports a section out of order", () => {
    const findings = runRule(templateStructure, howTo("## Steps\n\n## Before you start\n\n## Result"));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 11 });
    expect(findings[0]!.message).toContain('Section "## Steps" is out of order');
  });

  it("reports an unknown template on the template field, listing the known ones", () => {
    const findings = runRule(templateStructure, howTo("## Steps").replace("template: how-to", "template: how-too"));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 6, column: 1 });
    expect(findings[0]!.message).toBe(
      'Unknown template "how-too". Known templates: how-to, troubleshooting, faq, internal-policy, feature-detail, call-review. Fix the name or remove the template field.',
    );
  });

  it("accepts the translated headings of templates.yml in a card of that language only", () => {
    const korean = howTo("## 시작하기 전에\n\n## 단계\n\n## 결과", "lang: ko\n");
    expect(runRule(templateStructure, korean)).toEqual([]);
    const chineseHeadingsInEnglish = howTo("## 开始之前\n\n## 步骤\n\n## 结果");
    expect(runRule(templateStructure, chineseHeadingsInEnglish)).toHaveLength(3);
  });

  it("reports an internal-only template on an external card, at the audience field", () => {
    const policy = howTo("## Policy\n\n## Who it applies to\n\n## Exceptions\n\n## Escalation").replace("template: how-to", "template: internal-policy");
    const findings = runRule(templateStructure, policy);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4, column: 1 });
    expect(findings[0]!.message).toBe("The internal-policy template is for internal cards, but this card has audience: external. Set audience: internal, or use another template.");
    expect(runRule(templateStructure, policy.replace("audience: external", "audience: internal"))).toEqual([]);
  });

  // templates.yml is pull-request input: `faq: audience: external` made lint tell the author of every
  // internal FAQ card "Set audience: external", an instruction to publish it. A template, like a
  // collection default, can only make cards internal; public stays each card's own decision.
  it("never tells an internal card to become external, whatever templates.yml says", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "verity-templates-"));
    try {
      const file = path.join(dir, "templates.yml");
      writeFileSync(file, "templates:\n  how-to:\n    title: How-to\n    audience: external\n    sections: [Before you start, Steps, Result]\n");
      const catalog = loadTemplateCatalog(file);
      const internal = howTo("## Before you start\n\n## Steps\n\n## Result").replace("audience: external", "audience: internal");
      expect(checkTemplateStructure(makeContext(internal), catalog)).toEqual([]);
      expect(catalog.templates.get("how-to")!.audience).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("does nothing for a card without a template, and reports a template with no catalog", () => {
    expect(runRule(templateStructure, "---\ntitle: x\n---\n\n## Anything\n")).toEqual([]);
    const ctx = makeContext(howTo("## Steps"));
    const findings = checkTemplateStructure(ctx, undefined);
    expect(findings[0]!.message).toContain("no style-guide/templates/templates.yml was found");
  });
});
