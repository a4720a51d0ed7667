/**
 * The output folder of `verity build`: whether it can be replaced at all (checked before anything
 * is built), and the all-or-nothing move of the new sites into it.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, renameSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { SiteName } from "../core/site/audience.ts";
import { VerityError } from "../core/errors.ts";

/**
 * Finds an output folder that cannot be replaced before anything is built: the build writes a
 * staging folder next to outDir and renames each site folder out of and into it.
 */
export function checkOutDir(outDir: string, sites: readonly SiteName[]): void {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw cannotWrite(parent, error, target);
  }
  const probe = (dir: string) => {
    try {
      rmdirSync(mkdtempSync(path.join(dir, ".verity-probe-")));
    } catch (error) {
      throw cannotWrite(dir, error, target);
    }
  };
  probe(parent);
  // The output folder itself as a link (a `dist` committed as one: .gitignore's `dist/` matches
  // only a folder) would put both sites, the wiki too, wherever it points, replacing what is there.
  if (isSymbolicLink(target)) {
    throw new VerityError(`${target} is a symbolic link (to ${readlinkSync(target)}); the build would write both sites, the internal wiki too, where it points and replace its public and internal folders; nothing was built.`, {
      exitCode: 2,
      hint: `Remove the link (git rm ${path.basename(target)} if it is committed) and build into a real folder, or build into the folder it points to by naming it: --out-dir <that folder>.`,
    });
  }
  if (!existsSync(target)) return;
  probe(target);
  for (const site of sites) {
    const folder = path.join(target, site);
    // A site folder is replaced whole: a link there would be replaced, and the folder it points
    // to (the one a web server serves) would keep the old site, a card made internal since included.
    if (isSymbolicLink(folder)) {
      throw new VerityError(`${folder} is a symbolic link (to ${readlinkSync(folder)}); the build replaces each site folder whole, so the link would be replaced and its target would keep serving the previous site; nothing was built.`, {
        exitCode: 2,
        hint: `Remove the link and serve ${folder} itself, or copy the built site to the served folder after each build (rsync -a --delete ${folder}/ <served folder>/).`,
      });
    }
    if (existsSync(folder)) probe(folder);
  }
}

function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function cannotWrite(dir: string, error: unknown, outDir: string): VerityError {
  const code = (error as NodeJS.ErrnoException).code ?? "error";
  return new VerityError(`Cannot write to ${dir} (${code}), so the build could not replace ${outDir}; nothing was built.`, {
    exitCode: 2,
    hint: "Make the folder writable (a read-only file system or mount cannot be used), or build elsewhere with --out-dir <folder>.",
  });
}

/** Pages a built site's Pagefind index holds (every language), or undefined without an index. */
export function indexedPages(siteDir: string): number | undefined {
  try {
    const entry = JSON.parse(readFileSync(path.join(siteDir, "pagefind", "pagefind-entry.json"), "utf8")) as { languages?: Record<string, { page_count?: number }> };
    return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
  } catch {
    return undefined;
  }
}

/** A build that keeps less than half of the previous build's pages is probably wrong: say so loudly. */
export function pageDropWarning(site: SiteName, before: number | undefined, after: number | undefined): string[] {
  if (before === undefined || after === undefined || before === 0 || after * 2 >= before) return [];
  return [`the ${site} site has ${after} pages, the previous build had ${before}: ${before - after} pages are gone. Check contentDir, --root and the cards' audience and status if this is not intended.`];
}

/** Moving the new sites into place failed; `restored` tells whether the previous output is back as it was. */
export class SwapFailed extends VerityError {
  readonly restored: boolean;

  constructor(message: string, restored: boolean, hint: string) {
    super(message, { exitCode: 2, hint });
    this.restored = restored;
  }
}

/** The file system operation the swap uses, replaceable in tests. */
export interface SwapFs {
  renameSync(from: string, to: string): void;
  existsSync(file: string): boolean;
}

/**
 * Puts `staging/<site>` in place of `outDir/<site>` for every site, all or nothing: each previous
 * site folder moves into the staging folder first, then the new ones move in. When a rename fails,
 * the renames done so far are undone in reverse order, so outDir holds the previous build again
 * (never the new public site with the old wiki).
 */
export function swapIntoPlace(staging: string, outDir: string, sites: readonly SiteName[], fs: SwapFs = { renameSync, existsSync }): void {
  const done: [from: string, to: string][] = [];
  const move = (from: string, to: string) => {
    fs.renameSync(from, to);
    done.push([from, to]);
  };
  try {
    for (const site of sites) {
      const target = path.join(outDir, site);
      if (fs.existsSync(target)) move(target, path.join(staging, `previous-${site}`));
    }
    for (const site of sites) move(path.join(staging, site), path.join(outDir, site));
  } catch (error) {
    const failed = (error as Error).message;
    const notUndone: string[] = [];
    for (const [from, to] of done.reverse()) {
      try {
        fs.renameSync(to, from);
      } catch {
        notUndone.push(`${to} -> ${from}`);
      }
    }
    if (notUndone.length === 0) {
      throw new SwapFailed(`Could not move the new sites into ${outDir} (${failed}); the previous build is still in place, unchanged.`, true, "Check the permissions of the output folder (and whether a program holds it open), then build again.");
    }
    throw new SwapFailed(
      `Could not move the new sites into ${outDir} (${failed}), and could not put the previous build back: ${notUndone.join("; ")}.`,
      false,
      `The previous build is kept in ${staging} (previous-<site>): move it back by hand.`,
    );
  }
}

/** Renames a folder, or copies it when the target is on another file system. */
export function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}
