/** How Vale reads a file before its rules run (core/file.go NewFile, core.Sanitize), one case each. */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

describe("&rsquo;", () => {
  const rules = {
    Straight: "extends: existence\nmessage: \"Straight '%s'\"\nnonword: true\ntokens:\n  - \"it's\"\n",
    Curly: "extends: existence\nmessage: \"Curly '%s'\"\nnonword: true\ntokens:\n  - \"it\u2019s\"\n",
  };

  it("is a straight apostrophe, as Vale's Sanitize replaces it in the file before parsing; &#8217; and ’ stay curly", () => {
    // `it’s` of line 3 is not in the file as written (`&#8217;`) and no line holds the words of its
    // sentence with a straight quote, as Vale's guessLocation reads them: Vale drops that alert.
    expect(lintText(styleProject(rules), "Yes it&rsquo;s here.\n\nAnd it&#8217;s there.\n\nAnd it\u2019s.\n")).toEqual(["1:5:S.Straight:Straight 'it's'", "5:5:S.Curly:Curly 'it\u2019s'"]);
  });

  it("also in raw scope", () => {
    const raw = { Raw: "extends: existence\nmessage: \"Raw '%s'\"\nnonword: true\nscope: raw\ntokens:\n  - \"it's here\"\n" };
    expect(lintText(styleProject(raw), "Yes it&rsquo;s here.\n")).toEqual(["1:5:S.Raw:Raw 'it's here'"]);
  });
});
