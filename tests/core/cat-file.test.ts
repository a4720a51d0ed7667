/** The question and answer of one `git cat-file --batch`: one answer per path asked, in order, whatever the paths and objects. */
import { describe, expect, it } from "vitest";
import { batchInput, readBatchAnswer } from "../../src/core/git/cat-file.ts";

describe("git cat-file --batch", () => {
  it("asks one line per path, even for a path with a line break (else every later answer shifts to the wrong card)", () => {
    const input = batchInput(() => "abc^", ["a\nb.md", "c.md"], "");
    expect(input.split("\n").filter((l) => l !== "")).toHaveLength(2);
    expect(input.endsWith("abc^:c.md\n")).toBe(true);
  });

  it("skips the bytes of an object that is not a blob, so the next answer is read as its own", () => {
    const tree = Buffer.from("100644 blob x\nnot a header\n");
    const out = Buffer.concat([Buffer.from(`1111 tree ${tree.length}\n`), tree, Buffer.from("\n2222 blob 5\nhello\n")]);
    expect(readBatchAnswer(out, 2)).toEqual([undefined, "hello"]);
  });
});
