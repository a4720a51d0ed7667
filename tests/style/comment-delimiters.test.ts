/**
 * `CommentDelimiters` (Vale 3.8, lint/html.go applyCommentPatterns): in a section matching the file's
 * extension, every start and end delimiter is written as `<!--` and `-->` before the file is parsed,
 * so MDX's `{/* vale off *\/}` is a directive and the comment is no prose. Columns stay the file's.
 */
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/errors.ts";
import { parseValeConfig } from "../../src/core/style/vale-ini.ts";
import path from "node:path";
import { lintProse } from "../../src/core/style/style-engine.ts";
import { lintText, styleProject } from "./vale-project.ts";

const RULE = "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\ntokens:\n  - utilize\n";

function project(section: string) {
  return styleProject({ Avoid: RULE }, "", { ".vale.ini": `StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = S\n${section}\n` });
}

describe("CommentDelimiters", () => {
  it("makes {/* vale off */} and {/* vale on */} directives, as MDX pages write them", () => {
    const text = "We utilize it.\n\n{/* vale off */}\n\nWe utilize it.\n\n{/* vale on */}\n\nThen we utilize it.\n";
    expect(lintText(project("CommentDelimiters = {/*, */}"), text)).toEqual(["1:4:S.Avoid:Avoid 'utilize'.", "9:9:S.Avoid:Avoid 'utilize'."]);
  });

  it("reads the comment's text as no prose, inline too, and keeps the columns of the file as written", () => {
    const text = "A {/* utilize */} note {/* x */} we utilize.\n";
    expect(lintText(project("CommentDelimiters = {/*, */}"), text)).toEqual(["1:7:S.Avoid:Avoid 'utilize'."]);
  });

  it("keeps a block quote's paragraphs quoted, so SkippedScopes = blockquote still leaves them out", () => {
    const text = "{/* x */} We utilize it.\n\n> Intro.\n>\n> We utilize it.\n";
    const ini = "StylesPath = styles\nMinAlertLevel = suggestion\nSkippedScopes = blockquote\n[*.md]\nBasedOnStyles = S\nCommentDelimiters = {/*, */}\n";
    expect(lintText(styleProject({ Avoid: RULE }, "", { ".vale.ini": ini }), text)).toEqual(["1:14:S.Avoid:Avoid 'utilize'."]);
  });

  it("does nothing without the key, as before Vale 3.8", () => {
    expect(lintText(project(""), "{/* utilize */}\n")).toEqual(["1:5:S.Avoid:Avoid 'utilize'."]);
  });

  it("is a configuration error unless it lists two delimiters (Vale's E201)", () => {
    expect(() => parseValeConfig("[*.md]\nCommentDelimiters = {/*\n", "/repo/.vale.ini")).toThrow(ConfigError);
  });

  it("leaves an .mdx file read as MDX to its own {/* */} comments, which Vale's MDX support reads as directives", () => {
    const p = project("CommentDelimiters = {/*, */}");
    const text = "We utilize it.\n\n{/* vale off */}\n\nWe utilize it.\n\n{/* vale on */}\n\nThen we utilize it.\n";
    const findings = lintProse({ file: path.join(p.dir, "doc.mdx"), source: text, format: "mdx", matchPath: "doc.md" }, { vale: p.setup });
    expect(findings.map((f) => `${f.line}:${f.column}:${f.ruleId}`).sort()).toEqual(["1:4:S.Avoid", "9:9:S.Avoid"]);
  });

  it("reads an .mdx file that is no valid MDX (a Docusaurus heading ID, a Hugo shortcode) as Markdown, as Vale 3.7 reads every .mdx file, with a warning where MDX stops", () => {
    const p = project("CommentDelimiters = {/*, */}");
    const text = "## Set up {#set-up}\n\nWe utilize it.\n\n{/* vale off */}\n\n{{< note >}}We utilize it.{{< /note >}}\n\n{/* vale on */}\n\nThen we utilize it.\n";
    const findings = lintProse({ file: path.join(p.dir, "doc.mdx"), source: text, format: "mdx", matchPath: "doc.md" }, { vale: p.setup });
    expect(findings.map((f) => `${f.line}:${f.column}:${f.ruleId}:${f.severity}`).sort()).toEqual(["11:9:S.Avoid:error", "1:16:markdown-syntax:warning", "3:4:S.Avoid:error"]);
    expect(findings.find((f) => f.ruleId === "markdown-syntax")?.message).toMatch(/^The file does not parse as MDX: .+ Its prose was checked as Markdown/);
  });
});
