/**
 * Vocabularies and spelling ignore files, as Vale reads them (core/config.go addWordList,
 * ini.go loadVocab, spell/gospell.go addWordList, core.IgnoreFiles): comments, and a folder where a
 * word list is expected, which is an error naming the path, never an internal error.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/core/errors.ts";
import { removeTemps } from "../helpers.ts";
import { lintText, valeProject } from "./vale-project.ts";

afterEach(removeTemps);

const ini = (base: string, vocab = "V") => `StylesPath = styles\nMinAlertLevel = suggestion\n${vocab ? `Vocab = ${vocab}\n` : ""}[*.md]\nBasedOnStyles = ${base}\n`;

describe("vocabulary files", () => {
  // Vale's addWordList skips empty lines and lines starting with "# " only.
  it("only a line starting with '# ' is a comment: #channel and # alone are terms", () => {
    const project = valeProject({ ".vale.ini": ini("Vale"), "styles/config/vocabularies/V/accept.txt": "# Terms\n#channel\n  # indented comment\nFoo\n\n#\n", "styles/config/vocabularies/V/reject.txt": "#hashtag\n# Avoid\n" });
    expect(project.setup.styles.vocabulary).toEqual({ accept: ["#channel", "Foo", "#"], reject: ["#hashtag"] });
  });

  it("a folder named accept.txt or reject.txt is an error naming its path", () => {
    for (const kind of ["accept", "reject"]) {
      const load = () => valeProject({ ".vale.ini": ini("Vale"), [`styles/config/vocabularies/V/${kind}.txt/x`]: "" });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(new RegExp(`vocabularies/V/${kind}\\.txt is a folder`));
    }
  });
});

describe("spelling ignore files", () => {
  const words = { "styles/config/ignore/words.txt": "Foobarbaz\n#\n", "styles/config/ignore/sub.txt/x": "", "styles/S/Ex.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [foo]\n" };

  it("a folder named *.txt under config/ignore is no ignore file: nothing breaks, with or without Vale.Spelling", () => {
    expect(lintText(valeProject({ ".vale.ini": ini("S", ""), ...words }), "A foo.\n")).toEqual(["1:3:S.Ex:Avoid 'foo'."]);
    expect(lintText(valeProject({ ".vale.ini": ini("Vale, S", ""), ...words }), "A foo and Foobarbaz and Quxquuxz.\n")).toEqual(["1:3:S.Ex:Avoid 'foo'.", "1:25:Vale.Spelling:Did you really mean 'Quxquuxz'?"]);
  });

  it("a rule's ignore path that is a folder is an error naming the rule file and the path", () => {
    const rule = "extends: spelling\nmessage: \"Did you really mean '%s'?\"\nignore: sub.txt\n";
    const load = () => valeProject({ ".vale.ini": ini("S", ""), ...words, "styles/S/Spell.yml": rule });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/Spell\.yml: .*the ignore file "sub\.txt" is a folder/);
  });
});

describe("a vocabulary term that is no usable pattern", () => {
  // Vale reads each term as a regular expression (updateExceptions joins them into every rule's
  // exceptions), so `[x` breaks whichever rule compiles first; the error says where the text comes from.
  it("names the accepted or rejected term's vocabulary file, not only the rule that failed", () => {
    const accept = { ".vale.ini": ini("Vale"), "styles/config/vocabularies/V/accept.txt": "GitHub\n[x\n" };
    expect(() => valeProject(accept)).toThrow(ConfigError);
    expect(() => valeProject(accept)).toThrow(/The accepted term "\[x" of the vocabulary \(accept\.txt\) cannot be used as a regular expression/);
    const reject = { ".vale.ini": ini("Vale"), "styles/config/vocabularies/V/reject.txt": "(oops\n" };
    expect(() => valeProject(reject)).toThrow(/Vale\.Avoid .*rejected terms \(reject\.txt\)/);
  });

  // V8 compiles a pattern at its first use, and only there finds one too large for it: that was an
  // internal error in the middle of linting. regexp2 takes it; Verity cannot, and says so at load time.
  it("a term too long for JavaScript's regular expressions is a configuration error, not an internal error", () => {
    const project = () => valeProject({ ".vale.ini": ini("Vale"), "styles/config/vocabularies/V/accept.txt": `${"a".repeat(100_000)}\n` });
    expect(project).toThrow(ConfigError);
    expect(project).toThrow(/Regular expression too large\. The accepted term "a{80}…"/);
  });
});
