/**
 * Vale's `action: edit` (internal/check/action.go): the edited match is the second `%s` of the
 * message (makeAlert) and what `--fix` writes.
 */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { editedMatch } from "../../src/core/style/checks/edit-action.ts";
import { lintProse } from "../../src/core/style/style-engine.ts";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

describe("edit actions compute what Vale's edit computes", () => {
  it("regex replaces every match with a Go template", () => {
    expect(editedMatch(["regex", "(\\w+)\\s+\\w+", "$1"], "is is")).toBe("is");
    expect(editedMatch(["regex", "(?P<w>\\w+)-(\\w+)", "${w} $2"], "e-mail")).toBe("e mail");
    // Go takes the longest name: `$1x` is the group named `1x`, which does not exist.
    expect(editedMatch(["regex", "(a)", "$1x"], "a")).toBe("");
    expect(editedMatch(["regex", "(a)", "${1}x"], "a")).toBe("ax");
    expect(editedMatch(["regex", "a", "$$"], "a")).toBe("$");
    expect(editedMatch(["regex", "a", "cost $"], "a")).toBe("cost $");
  });

  it("trim, trim_left and trim_right remove a set of characters; truncate and split keep a part; the result is trimmed", () => {
    expect(editedMatch(["trim_right", ".!"], "Done!.")).toBe("Done");
    expect(editedMatch(["trim_left", "-"], "--flag")).toBe("flag");
    expect(editedMatch(["trim", "*"], "**bold**")).toBe("bold");
    expect(editedMatch(["truncate", " "], "click on")).toBe("click");
    expect(editedMatch(["split", "/", "1"], "and/or")).toBe("or");
    expect(editedMatch(["truncate", ":"], " note : x")).toBe("note");
  });

  it("parameters Vale rejects give no edit", () => {
    expect(editedMatch([], "x")).toBeUndefined();
    expect(editedMatch(["regex", "a"], "a")).toBeUndefined();
    expect(editedMatch(["regex", "(", "b"], "a")).toBeUndefined();
    expect(editedMatch(["split", "/", "5"], "a/b")).toBeUndefined();
    expect(editedMatch(["split", "/", "one"], "a/b")).toBeUndefined();
    expect(editedMatch(["unknown"], " a ")).toBe("a");
  });
});

describe("rules with an edit action", () => {
  const repeated = "extends: existence\nmessage: \"'%s' repeats: use '%s'.\"\nnonword: true\naction:\n  name: edit\n  params: [regex, '(\\w+)\\s+\\w+', '$1']\ntokens:\n  - '\\b(\\w+)\\s+\\1\\b'\n";

  it("put the edited match in the message's second %s, as Vale's makeAlert does", () => {
    expect(lintText(styleProject({ Repeated: repeated }), "This is is fine.\n")).toEqual(["1:6:S.Repeated:'is is' repeats: use 'is'."]);
  });

  it("fix the match to the edited text", () => {
    const project = styleProject({ Repeated: repeated });
    const source = "This is is fine.\n";
    const [finding] = lintProse({ file: path.join(project.dir, "doc.md"), source, format: "md", matchPath: "doc.md" }, { vale: project.setup });
    expect(finding?.fix).toEqual([{ start: 5, end: 10, text: "is" }]);
  });

  it("offer no fix when the edit changes nothing", () => {
    const project = styleProject({ Trim: "extends: existence\nmessage: \"'%s'\"\naction:\n  name: edit\n  params: [trim_right, '.']\ntokens: [done]\n" });
    const [finding] = lintProse({ file: path.join(project.dir, "doc.md"), source: "It is done now.\n", format: "md", matchPath: "doc.md" }, { vale: project.setup });
    expect(finding?.message).toBe("'done'");
    expect(finding?.fix).toBeUndefined();
  });
});

describe("an edit pattern that can backtrack without bound", () => {
  it("makes its rule one that runs under the time budget", async () => {
    const { isEditPatternRisky } = await import("../../src/core/style/checks/edit-action.ts");
    expect(isEditPatternRisky("(a+)+b")).toBe(true);
    expect(isEditPatternRisky("(\\w+)\\s+\\w+")).toBe(false);
    const project = styleProject({ Risky: "extends: existence\nmessage: \"'%s' to '%s'\"\naction:\n  name: edit\n  params: [regex, '(a+)+b', x]\ntokens: [aaa]\n" });
    expect(project.setup.styles.rules.get("S.Risky")?.isRisky).toBe(true);
  });
});

describe("convert actions compute what Vale's convert computes", () => {
  it("simple is twine's strcase.Simple: lower case, words split at punctuation and at a lower-to-upper change past the second byte", async () => {
    const { simpleCase } = await import("../../src/core/style/checks/edit-action.ts");
    // Each value is what twine v0.10.1's strcase.Simple (Vale's) returns.
    const cases: [string, string][] = [
      ["Qux Thing", "qux thing"],
      ["camelCaseWord", "camel case word"],
      ["XMLHttpRequest", "xmlhttp request"],
      ["e-mail_address", "e mail address"],
      ["aB", "ab"],
      ["abC", "ab c"],
      ["Über Größe", "über größe"],
      ["İstanbul", "istanbul"],
      ["  Two  Spaces. ", "two spaces"],
      ["tab\there", "tab here"],
      ["v2.0 Release", "v2 0 release"],
      ["éA", "é a"],
      ["ǅx", "ǆx"],
    ];
    for (const [input, expected] of cases) expect([input, simpleCase(input)]).toEqual([input, expected]);
  });

  it("put the converted match in the message's second %s; another convert keeps the match", () => {
    const simple = "extends: existence\nmessage: \"'%s' as '%s'\"\naction:\n  name: convert\n  params: [simple]\ntokens: [Qux Thing]\n";
    const other = "extends: existence\nmessage: \"'%s' as '%s'\"\naction:\n  name: convert\n  params: [title]\ntokens: [Qux Thing]\n";
    expect(lintText(styleProject({ Simple: simple }), "A Qux Thing here.\n")).toEqual(["1:3:S.Simple:'Qux Thing' as 'qux thing'"]);
    expect(lintText(styleProject({ Other: other }), "A Qux Thing here.\n")).toEqual(["1:3:S.Other:'Qux Thing' as 'Qux Thing'"]);
  });
});
