/**
 * satteri (the parser lint and the site use) and remark-parse must give the same style findings on
 * plain CommonMark, so moving lint onto satteri changed nothing. remark-parse is only used here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { lintProse } from "../../src/core/style/style-engine.ts";
import { FIXTURE_PROJECT, setup, show } from "./helpers.ts";

const DIR = path.join(path.dirname(FIXTURE_PROJECT), "parity");

describe("satteri and remark-parse give the same findings", () => {
  for (const name of readdirSync(DIR).filter((f) => f.endsWith(".md"))) {
    it(name, () => {
      const source = readFileSync(path.join(DIR, name), "utf8");
      const file = path.join(DIR, name);
      const input = { file, source, format: "md" as const, matchPath: name };
      const remarkTree = unified().use(remarkParse).parse(source) as Root;
      const viaSatteri = show(lintProse(input, { vale: setup }));
      const viaRemark = show(lintProse({ ...input, tree: remarkTree }, { vale: setup }));
      expect(viaSatteri.length).toBeGreaterThan(3);
      expect(viaRemark).toEqual(viaSatteri);
    });
  }
});
