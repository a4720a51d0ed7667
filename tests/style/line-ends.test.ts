/**
 * CRLF and CR line ends as Vale reads them: core.Sanitize replaces "\r\n" and "\r" with "\n" before
 * anything else (internal/core/util.go sanitizer, called by NewFile), so a file written on Windows
 * gives the alerts the same file with "\n" gives: a pattern across a soft line break matches, and an
 * ignore pattern with `\n` in it applies. Fixes still edit the file as written.
 */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lintProse } from "../../src/core/style/style-engine.ts";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

const rule = `extends: existence\nmessage: "W '%s'"\ntokens: ['foo\\sbar', 'baz\\s+qux']\n`;

describe("line ends", () => {
  it("a CRLF file gives the alerts of the same file with LF", () => {
    const lf = "Some foo\nbar here and baz\nqux.\n";
    const project = styleProject({ W: rule });
    const expected = lintText(project, lf);
    expect(expected).toEqual(["1:6:S.W:W 'foo bar'", "2:14:S.W:W 'baz qux'"]);
    expect(lintText(project, lf.replace(/\n/g, "\r\n"))).toEqual(expected);
    expect(lintText(project, lf.replace(/\n/g, "\r"))).toEqual(expected);
  });

  it("BlockIgnores patterns written with \\n apply to a CRLF file", () => {
    const ini = "[*.md]\nBlockIgnores = (?s)(\\{\\{< note >\\}\\}\\n.*?\\n\\{\\{< /note >\\}\\})\n";
    const project = styleProject({ Ex: `extends: existence\nmessage: "'%s'"\ntokens: [foo]\n` }, ini);
    const text = "Intro.\n\n{{< note >}}\nA foo here.\n{{< /note >}}\n\nA foo there.\n";
    expect(lintText(project, text)).toEqual(["7:3:S.Ex:'foo'"]);
    expect(lintText(project, text.replace(/\n/g, "\r\n"))).toEqual(["7:3:S.Ex:'foo'"]);
  });

  it("a fix edits the file as written", () => {
    const project = styleProject({ Sw: `extends: substitution\nmessage: "Use '%s' instead of '%s'."\nswap:\n  colour: color\n` });
    const source = "One line.\r\nPick a colour.\r\n";
    const [finding] = lintProse({ file: path.join(project.dir, "doc.md"), source, format: "md", matchPath: "doc.md" }, { vale: project.setup });
    expect(finding?.line).toBe(2);
    expect(finding?.fix).toEqual([{ start: source.indexOf("colour"), end: source.indexOf("colour") + 6, text: "color" }]);
  });
});
