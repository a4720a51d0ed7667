/**
 * What a path of a styles folder is, following symbolic links as Vale does (its Walk resolves each
 * link). A path with nothing at its end (a dangling link) is nothing, as Vale skips it (#919); a link
 * that cannot be resolved (a loop, ELOOP) or a path that cannot be read is a configuration error
 * naming the path, as Vale stops with "unable to resolve symlink" (#968), not a crash.
 */
import { statSync, type Stats } from "node:fs";
import { readRegularFile, specialFileKind } from "../cards/safe-read.ts";
import { ConfigError } from "../errors.ts";

/** The file or folder at `file` (following links), undefined when there is none. */
export function statFollowing(file: string): Stats | undefined {
  // As Go's os.Stat, which fails on it: a NUL in a name (`BasedOnStyles = S\0`) names nothing.
  if (file.includes("\0")) return undefined;
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    throw unreadable(file, error);
  }
}

/** The text of `file` (following links), a BOM dropped. */
export function readStyleText(file: string): string {
  let read: ReturnType<typeof readRegularFile>;
  try {
    read = readRegularFile(file, Number.POSITIVE_INFINITY, { followLinks: true });
  } catch (error) {
    throw unreadable(file, error);
  }
  // A named pipe would wait for a writer (Vale's own read would wait too), a device never end: neither is a style file.
  if (read.kind !== "read") {
    const stat = statFollowing(file);
    throw new ConfigError(`${file}: is not a regular file${stat ? ` (${specialFileKind(stat)})` : ""}.`, "Replace it with a text file, or remove it.");
  }
  return read.bytes.toString("utf8").replace(/^\uFEFF/, "");
}

function unreadable(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ELOOP") return new ConfigError(`${file}: unable to resolve the symbolic link: it leads back to itself (a link loop), as Vale reports it.`, "Point the link at a real file or folder, or remove it.");
  if (typeof code === "string") return new ConfigError(`${file}: cannot be read (${code}).`, "Check that the path is a readable file or folder.");
  return error;
}
