/**
 * Where `verity build` may write: never into, over or around a folder the build reads. Writing
 * into content/ would publish the previous build as files, over src/ or node_modules would break
 * the next build, and around the project root would replace the project with the sites.
 */
import { CACHE_FOLDER } from "../core/project/cache-folder.ts";
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { APP_ROOT } from "./astro-runner.ts";

export interface BuildReads {
  /** The project root. */
  root: string;
  /** The content folder. */
  contentDir: string;
}

/** Why `outDir` may not receive the sites, or undefined when it may. The one check `verity build` runs. */
export function outDirProblem(outDir: string, reads: BuildReads): string | undefined {
  const out = realish(outDir);
  const root = realish(reads.root);
  const app = realish(APP_ROOT);
  // Folders the build reads: nothing may be written into them, and they may not be inside the output.
  const readFolders: [string, string][] = [
    [realish(reads.contentDir), "the content folder"],
    [path.join(root, "style-guide"), "the style guide"],
    [path.join(root, "node_modules"), "node_modules"],
    [path.join(root, ".git"), "the git folder"],
    [path.join(root, ".github"), "the .github folder"],
    [path.join(root, "verity.config.yml"), "the configuration"],
    [path.join(app, "src"), "Verity's source (which holds Astro's public folder)"],
    [path.join(app, "node_modules"), "Verity's node_modules"],
    [path.join(app, CACHE_FOLDER), "Verity's build cache"],
  ];
  for (const [folder, what] of readFolders) {
    if (out === folder || isInside(out, folder)) return `--out-dir ${outDir} is inside ${what} (${folder}), which the build reads`;
    if (isInside(folder, out)) return `--out-dir ${outDir} contains ${what} (${folder}), which the build reads and would replace`;
  }
  for (const [folder, what] of [[root, "the project folder"], [app, "Verity's own folder"]] as const) {
    if (out === folder || isInside(folder, out)) return `--out-dir ${outDir} is ${out === folder ? "" : "a folder around "}${what} (${folder})`;
  }
  return undefined;
}

/** The real path of `file`, through the nearest folder on its path that exists (symbolic links resolved). */
function realish(file: string): string {
  const abs = path.resolve(file);
  const rest: string[] = [];
  let dir = abs;
  while (!existsSync(dir)) {
    const parent = path.dirname(dir);
    if (parent === dir) return abs;
    rest.unshift(path.basename(dir));
    dir = parent;
  }
  return path.join(realpathSync(dir), ...rest);
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}
