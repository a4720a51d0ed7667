/** Rule-type details read from Vale's own checks (internal/check/*.go), one case each. */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

describe("occurrence", () => {
  it("fills %s with the number of matches, not the matched text (occurrence.go formats strconv.Itoa(occurrences))", () => {
    const project = styleProject({ Commas: "extends: occurrence\nmessage: \"%s commas in one sentence.\"\nscope: sentence\nmax: 2\ntoken: ','\n" });
    expect(lintText(project, "One, two, three, four.\n")).toEqual(["1:4:S.Commas:3 commas in one sentence."]);
  });

  it("too few matches: %s is 0 and the alert is at the start of the file", () => {
    const project = styleProject({ Links: "extends: occurrence\nmessage: \"Found %s links; add one.\"\nscope: paragraph\nmin: 1\ntoken: 'https?://'\n" });
    expect(lintText(project, "Some text.\n")).toEqual(["1:1:S.Links:Found 0 links; add one."]);
  });
});

describe("conditional", () => {
  it("ignorecase does not apply to first or second (Vale compiles both as written)", () => {
    const project = styleProject({ Def: "extends: conditional\nmessage: \"'%s' has no definition.\"\nignorecase: true\nfirst: '\\b([A-Z]{3})\\b'\nsecond: '\\(([A-Z]{3})\\)'\n" });
    // With (?i), [A-Z]{3} would match "the" and "was".
    expect(lintText(project, "the CDN was fast.\n")).toEqual(["1:5:S.Def:'CDN' has no definition."]);
  });

  it("a second pattern without a capture group defines nothing: every first match is reported", () => {
    const project = styleProject({ Def: "extends: conditional\nmessage: \"'%s' has no definition.\"\nfirst: '\\b[A-Z]{3}\\b'\nsecond: '\\([A-Z]{3}\\)'\n" });
    expect(lintText(project, "Content Delivery Network (CDN): the CDN is fast.\n")).toEqual(["1:27:S.Def:'CDN' has no definition.", "1:37:S.Def:'CDN' has no definition."]);
  });
});
