/**
 * One `git cat-file --batch` for many blobs: the question (one `<rev>:<path>` a line) and the reading
 * of its answer (a header `<oid> blob <size>` then the bytes, or `<name> missing` alone).
 */

/** The input asking for each of `paths` (relative to the project) at `rev`; `rootFromTop` is the project's folder in the repository, with `/`. */
export function batchInput(rev: (index: number) => string, paths: readonly string[], rootFromTop: string): string {
  const prefix = rootFromTop === "" ? "" : `${rootFromTop}/`;
  // git reads one name a line: a path with a line break would be two questions and shift every later answer,
  // so it is asked as an object no repository has (answered "missing", read as no blob).
  return paths.map((p, i) => (/[\n\r]/.test(p) ? `${"0".repeat(40)}\n` : `${rev(i)}:${prefix}${p}\n`)).join("");
}

/** The texts of the answer, in the order asked: undefined where git has no such blob. */
export function readBatchAnswer(out: Buffer, count: number): (string | undefined)[] {
  const texts: (string | undefined)[] = [];
  let offset = 0;
  while (texts.length < count) {
    const headerEnd = out.indexOf(0x0a, offset);
    if (headerEnd < 0) break;
    const [, type, size] = /^\S+ (\w+) (\d+)$/.exec(out.subarray(offset, headerEnd).toString("utf8")) ?? [];
    offset = headerEnd + 1;
    if (size === undefined) {
      texts.push(undefined); // "<name> missing" (or ambiguous)
      continue;
    }
    // A tree or commit (a path that was a folder or a submodule) is no card's text, but its bytes follow all the same.
    texts.push(type === "blob" ? out.subarray(offset, offset + Number(size)).toString("utf8") : undefined);
    offset += Number(size) + 1;
  }
  while (texts.length < count) texts.push(undefined);
  return texts;
}
