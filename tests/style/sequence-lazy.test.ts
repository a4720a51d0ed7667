/**
 * The part-of-speech tagger is loaded only when a sequence rule needs it (a file of its own, so no
 * other test has loaded the tagger in this module graph first).
 */
import { createRequire } from "node:module";
import { afterEach, expect, it } from "vitest";
import { isTaggerLoaded } from "../../src/core/style/pos-tagging.ts";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

/** True when en-pos (or its lexicon) is in Node's module cache: loaded by anyone, not only through pos-tagging.ts. */
const isEnPosInCache = () => Object.keys(createRequire(import.meta.url).cache).some((file) => /[\\/]node_modules[\\/]en-(pos|lexicon)[\\/]/.test(file));

it("a project without sequence rules never loads the tagger; a sequence rule loads it once an anchor matches", () => {
  const plain = styleProject({
    Avoid: "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens:\n  - utilize\n",
    Long: "extends: occurrence\nmessage: Too long.\nscope: sentence\nmax: 3\ntoken: \\b(\\w+)\\b\n",
  });
  expect(lintText(plain, "We utilize a meet up on Sunday, and we meet up again.\n")).toEqual(["1:1:S.Long:Too long.", "1:4:S.Avoid:Avoid 'utilize'."]);
  expect(isTaggerLoaded()).toBe(false);
  expect(isEnPosInCache()).toBe(false);

  const sequence = styleProject({ Meetup: "extends: sequence\nmessage: Use 'meetup'.\ntokens:\n  - tag: NN\n    pattern: meet\n  - pattern: up\n" });
  // No sentence contains the anchor `meet`: nothing is tagged.
  expect(lintText(sequence, "Nothing to see here. Really nothing.\n")).toEqual([]);
  expect(isTaggerLoaded()).toBe(false);
  expect(lintText(sequence, "A meet up on Sunday.\n")).toEqual(["1:3:S.Meetup:Use 'meetup'."]);
  expect(isTaggerLoaded()).toBe(true);
  expect(isEnPosInCache()).toBe(true);
});
