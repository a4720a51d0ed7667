import path from "node:path";

/** A path relative to `cwd` with `/` separators, or the absolute path when it is outside. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  if (rel === "" ) return ".";
  if (rel.startsWith("..") || path.isAbsolute(rel)) return file.split(path.sep).join("/");
  return rel.split(path.sep).join("/");
}
