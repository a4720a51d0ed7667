/**
 * Vale's sentence blocks are `sentence.text.<ext>` (nlp/provider.go doNLP), so a rule with the
 * default `text` scope runs on each sentence of a paragraph as well as on the paragraph, once any
 * loaded rule has `scope: sentence` (check/manager.go AssignNLP). The blocks are linted in order:
 * the paragraph's pieces (only when a loaded rule has `scope: paragraph`), its sentences, then the
 * paragraph itself; core/file.go AddAlert keeps the first alert of a rule at a line and column.
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject } from "./vale-project.ts";

const BANG = "extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens:\n  - '\\w+!(?:\\s|$)'\n";
const END = "extends: existence\nmessage: \"end '%s'\"\nnonword: true\ntokens:\n  - '\\w+!$'\n";
const SENTENCE = "extends: existence\nmessage: \"sentence\"\nscope: sentence\ntokens:\n  - NEVERSEEN\n";
const SEQUENCE = "extends: sequence\nmessage: \"sequence\"\ntokens:\n  - pattern: NEVERSEEN\n";
const PARAGRAPH = "extends: existence\nmessage: \"paragraph\"\nscope: paragraph\ntokens:\n  - NEVERSEEN\n";
const TEXT = "This is amazing! You should try it!\n";

afterEach(removeTemps);

describe("text-scoped rules on sentence blocks", () => {
  it("without a sentence rule loaded, a text rule sees only the paragraph", () => {
    expect(lintText(styleProject({ Bang: BANG, End: END }), TEXT)).toEqual([
      "1:9:S.Bang:'amazing! '",
      "1:33:S.Bang:'it!'",
      "1:33:S.End:end 'it!'",
    ]);
  });

  it("with a sentence rule loaded, the sentence's alert comes first and a sentence's end is an end", () => {
    expect(lintText(styleProject({ Bang: BANG, End: END, Sentence: SENTENCE }), TEXT)).toEqual([
      "1:9:S.Bang:'amazing!'",
      "1:9:S.End:end 'amazing!'",
      "1:33:S.Bang:'it!'",
      "1:33:S.End:end 'it!'",
    ]);
  });

  it("a sentence rule turned off still has Vale split the sentences (every loaded rule counts)", () => {
    const project = styleProject({ Bang: BANG, Sentence: SENTENCE });
    const off = styleProject({ Bang: BANG, Sentence: SENTENCE }, "S.Sentence = NO");
    expect(lintText(project, TEXT)).toEqual(["1:9:S.Bang:'amazing!'", "1:33:S.Bang:'it!'"]);
    expect(lintText(off, TEXT)).toEqual(["1:9:S.Bang:'amazing!'", "1:33:S.Bang:'it!'"]);
    // Off in the only section that names the style: Vale still loads the rule file and reads its scope.
    const offInSection = styleProject({ Bang: BANG, Sentence: SENTENCE, Sequence: SEQUENCE }, "", { ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nS.Sentence = NO\nS.Sequence = NO\n" });
    expect(lintText(offInSection, TEXT)).toEqual(["1:9:S.Bang:'amazing!'", "1:33:S.Bang:'it!'"]);
    const sequenceOnly = styleProject({ Bang: BANG, Sequence: SEQUENCE }, "", { ".vale.ini": "StylesPath = styles\n[*.md]\nBasedOnStyles = S\nS.Sequence = NO\n" });
    expect(lintText(sequenceOnly, TEXT)).toEqual(["1:9:S.Bang:'amazing!'", "1:33:S.Bang:'it!'"]);
  });

  it("with a paragraph rule loaded too, the paragraph's piece is linted before the sentences", () => {
    expect(lintText(styleProject({ Bang: BANG, End: END, Sentence: SENTENCE, Paragraph: PARAGRAPH }), TEXT)).toEqual([
      "1:9:S.Bang:'amazing! '",
      "1:9:S.End:end 'amazing!'",
      "1:33:S.Bang:'it!'",
      "1:33:S.End:end 'it!'",
    ]);
  });

  it("list items and headings are not split into sentences", () => {
    const project = styleProject({ End: END, Sentence: SENTENCE });
    expect(lintText(project, "# Wow! Done!\n\n- Wow! Done!\n")).toEqual(["1:8:S.End:end 'Done!'", "3:8:S.End:end 'Done!'"]);
  });
});
