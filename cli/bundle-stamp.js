// Whether the prebuilt bundle of the CLI (scripts/bundle-cli.mjs) is the code in this checkout.
// Plain JavaScript, like bin.js: the bundler runs it on whatever Node runs `npm ci`.
//
// The bundle is only a faster way to start the same code: one file per command instead of some
// 380 modules to resolve and load. It is used only while its stamp names exactly the sources it
// was built from (path, size, modification and change time, inode of every file under cli/ and
// src/, and the package manifests) where it was built (the bundle names the sources' and packages'
// files by absolute path); any edit, checkout, install or move of the checkout makes it stale, and
// a stale or missing bundle means the TypeScript sources run, as they always may.
// Node's own modules without ES facades where Node has getBuiltinModule (see bin.js).
const builtin = async (name) => process.getBuiltinModule?.(name) ?? (await import(name)).default;
const { lstatSync, readdirSync, readFileSync } = await builtin("node:fs");
const path = await builtin("node:path");
const { fileURLToPath } = await builtin("node:url");

export const REPOSITORY = fileURLToPath(new URL("..", import.meta.url));
/** Where `npm ci` (the `prepare` script) writes the bundle. */
export const BUNDLE_DIR = path.join(REPOSITORY, "node_modules", ".cache", "verity-cli");
export const STAMP_FILE = "stamp.json";
/** The entry point inside the bundle folder. */
export const BUNDLE_ENTRY = path.join("cli", "main.js");

const SOURCE_FOLDERS = ["cli", "src"];
const MANIFESTS = ["package.json", "package-lock.json", "scripts/bundle-cli.mjs"];

/** One line per source file and manifest; any change to one of them changes the text. */
export function sourceFingerprint(root = REPOSITORY) {
  let text = `root\0${path.resolve(root)}\n`;
  const add = (rel) => {
    const stat = lstatSync(path.join(root, rel), { throwIfNoEntry: false });
    text += stat ? `${rel}\0${stat.size}\0${stat.mtimeMs}\0${stat.ctimeMs}\0${stat.ino}\0${stat.mode}\n` : `${rel}\0missing\n`;
  };
  // A plain walk: it runs on every start of the CLI, and takes a few milliseconds this way.
  const walk = (rel) => {
    const entries = readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else add(child);
    }
  };
  for (const folder of SOURCE_FOLDERS) walk(folder);
  for (const rel of MANIFESTS) add(rel);
  return text;
}

/**
 * The bundle's entry file when the bundle in `dir` was built from exactly these sources; undefined
 * when it is missing, damaged or stale (the caller then runs the sources).
 */
export function freshBundleEntry(dir = BUNDLE_DIR, root = REPOSITORY) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(dir, STAMP_FILE), "utf8"));
  } catch {
    return undefined;
  }
  if (typeof stamp?.fingerprint !== "string" || stamp.fingerprint !== sourceFingerprint(root)) return undefined;
  return path.join(dir, BUNDLE_ENTRY);
}
