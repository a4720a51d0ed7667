/**
 * The knowledge a long-running server answers from: the cards as they are on disk now, not as they
 * were when it started. A card made internal, moved, or expired since is never served from memory.
 *
 * - Every folder of the content tree, the configuration file and the synonyms file are watched; a change marks the knowledge stale
 *   and reloads it shortly after (changes in a burst, such as a checkout, give one reload). A request
 *   that comes while it is stale waits for the reload: nothing is answered from the old cards.
 * - Where the system cannot watch (no inotify watches left, a network file system), or a watcher
 *   fails, the folder is polled instead; the watcher is also backed by a slow poll for events it misses.
 * - A reload that fails (a configuration that no longer loads) leaves no cards to answer from: every
 *   request gets that error, with its file:line and fix, until a later change loads again.
 * - "Today" is read from the clock once per request (unless fixed by --today): past midnight, which
 *   public cards are withheld as expired and every status are decided again.
 * - `reload()` reloads at once (the CLI calls it on SIGHUP).
 */
import { lstatSync, readdirSync, watch, type FSWatcher, type Stats } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import type { SiteName } from "../../core/site/audience.ts";
import { VerityError } from "../../core/errors.ts";
import { resolveToday } from "../../core/project/project.ts";
import { CONFIG_FILE_NAME } from "../../core/project/config.ts";
import { SYNONYMS_FILE } from "../../core/site/synonyms.ts";
import { KnowledgeBase, type KnowledgeOptions, type KnowledgeSource } from "./knowledge-base.ts";

export interface LiveOptions {
  /** Quiet time after the last change before reloading, in ms. */
  debounceMs?: number;
  /** How often to poll for changes when the folder cannot be watched, in ms. */
  pollMs?: number;
  /** How often to poll behind a working watcher, for events it missed, in ms. */
  backstopPollMs?: number;
  /** Watch the file system (false: poll only, e.g. where watching is known not to work). */
  watch?: boolean;
  /** The clock (tests set it). */
  now?: () => Date;
  /** What happened: a reload, a failure, a watcher given up for polling. For the server's log. */
  onEvent?: (event: LiveEvent) => void;
}

export type LiveEvent =
  | { kind: "reloaded"; reason: string; cards: number; previous: number | undefined }
  | { kind: "failed"; reason: string; error: KnowledgeUnavailable }
  | { kind: "polling"; why: string };

/**
 * The cards cannot be loaded: the server answers with this, not with the cards it had. `detail` is
 * the cause, with its file:line and fix, for the server's log. The message, which clients get, says
 * the cause too on the wiki's server; the help center's says only that the cards cannot be loaded,
 * since a cause can name what the help center never shows (the wiki's host in a refused setting, an
 * internal card's file that vanished during a checkout, an internal term the configuration lists).
 */
export class KnowledgeUnavailable extends VerityError {
  readonly detail: string;
  constructor(cause: unknown, site: SiteName) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const hint = cause instanceof VerityError ? cause.hint : undefined;
    const detail = `The cards cannot be loaded, so this server answers nothing until they can: ${message}${hint ? ` ${hint}` : ""}`;
    super(site === "public" ? "The cards cannot be loaded, so this server answers nothing until they can. Its log (stderr) says why, for its operator to fix: the help center's server does not tell its clients." : detail, { exitCode: 2, cause });
    this.detail = detail;
  }
}

const DEFAULTS = { debounceMs: 100, pollMs: 2_000, backstopPollMs: 30_000 };

export class LiveKnowledge implements KnowledgeSource {
  readonly site: SiteName;
  private readonly options: KnowledgeOptions;
  private readonly live: Required<Omit<LiveOptions, "onEvent" | "now">> & Pick<LiveOptions, "onEvent" | "now">;
  private kb: KnowledgeBase | undefined;
  private failure: KnowledgeUnavailable | undefined;
  private stale = false;
  private debounce: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  /** The configuration's and the synonyms file's folders. */
  private watchers: FSWatcher[] = [];
  /**
   * One watcher per folder of the content tree, not one recursive watcher: Node's recursive watch on
   * Linux follows each file it found, and loses a file replaced by a rename (an editor's save,
   * `sed -i`, a checkout) and every later save of it: a card made internal so would be served until
   * the backstop poll. A folder's watcher sees every name written into it.
   */
  private folderWatchers = new Map<string, FSWatcher>();
  /** The folder watched, by identity: a content folder replaced (rm and checkout) is watched anew. */
  private watchedDir: { dir: string; ino: number } | undefined;
  private fingerprint: string | undefined;
  private closed = false;

  private constructor(options: KnowledgeOptions, live: LiveOptions) {
    this.options = options;
    this.site = options.site;
    this.live = { ...DEFAULTS, watch: true, ...live };
  }

  /**
   * Loads the cards and starts watching. A project that does not load at start is the caller's
   * error to report (the server does not start); later failures are answered as errors.
   */
  static start(options: KnowledgeOptions, live: LiveOptions = {}): LiveKnowledge {
    const source = new LiveKnowledge(options, live);
    source.kb = KnowledgeBase.load(options);
    source.fingerprint = source.readFingerprint();
    source.watchFiles();
    return source;
  }

  /** The knowledge base for a request now: reloaded first if anything changed, for today's day. */
  async current(): Promise<KnowledgeBase> {
    if (this.stale) this.reloadNow("after a change");
    if (this.failure || !this.kb) throw this.failure ?? new KnowledgeUnavailable("the server is closed", this.site);
    if (this.options.today === undefined) {
      const today = resolveToday(this.kb.timeZone, undefined, this.live.now?.());
      if (today !== this.kb.today()) this.kb = this.kb.onDay(today);
    }
    return this.kb;
  }

  /** Reloads now, whatever changed (SIGHUP). */
  reload(reason = "on request"): void {
    this.reloadNow(reason);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.debounce);
    clearTimeout(this.poll);
    this.closeWatchers();
  }

  private closeWatchers(): void {
    for (const watcher of this.watchers.splice(0)) watcher.close();
    for (const watcher of this.folderWatchers.values()) watcher.close();
    this.folderWatchers.clear();
  }

  private get watching(): boolean {
    return this.folderWatchers.size > 0;
  }

  private reloadNow(reason: string): void {
    if (this.closed) return;
    clearTimeout(this.debounce);
    this.debounce = undefined;
    this.stale = false;
    const previous = this.failure ? undefined : this.kb?.size;
    // Read before loading: a change during the load makes the next poll see a difference.
    this.fingerprint = this.readFingerprint();
    try {
      this.kb = KnowledgeBase.load(this.options);
      this.failure = undefined;
      this.live.onEvent?.({ kind: "reloaded", reason, cards: this.kb.size, previous });
    } catch (error) {
      const repeated = this.failure?.detail;
      this.kb = undefined;
      this.failure = new KnowledgeUnavailable(error, this.site);
      // Stay stale: every request tries again, so a fix is picked up even if its event is missed.
      this.stale = true;
      if (this.failure.detail !== repeated) this.live.onEvent?.({ kind: "failed", reason, error: this.failure });
    }
    this.watchFiles();
  }

  private changed(): void {
    if (this.closed) return;
    this.stale = true;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.reloadNow("after a change"), this.live.debounceMs);
    this.debounce.unref();
  }

  /** The content folder and the configuration file's folder, as the current configuration names them. */
  private paths(): { root: string; contentDir: string; configFile: string } {
    const project = this.kb?.projectPaths();
    const root = project?.root ?? path.resolve(this.options.cwd, this.options.root ?? ".");
    const configFile = project?.configFile ?? (this.options.configFile ? path.resolve(this.options.cwd, this.options.configFile) : path.join(root, CONFIG_FILE_NAME));
    return { root, contentDir: project?.contentDir ?? path.join(root, "content"), configFile };
  }

  /** (Re)starts the watchers when the content folder is new or replaced; falls back to polling. */
  private watchFiles(): void {
    if (this.closed) return;
    const { contentDir, configFile } = this.paths();
    const ino = inodeOf(contentDir);
    const same = this.watchedDir && this.watchedDir.dir === contentDir && this.watchedDir.ino === ino && this.watching;
    if (same) {
      try {
        this.watchFolders(contentDir);
      } catch (error) {
        this.closeWatchers();
        this.watchedDir = undefined;
        this.live.onEvent?.({ kind: "polling", why: `cannot watch ${contentDir} (${(error as Error).message})` });
      }
    } else {
      this.closeWatchers();
      this.watchedDir = undefined;
      if (this.live.watch && ino !== undefined) {
        try {
          const configDir = path.dirname(configFile);
          const contentName = path.relative(configDir, contentDir).split(path.sep)[0];
          this.watchFolders(contentDir);
          // The configuration file, and the content folder itself being replaced or removed.
          this.watchers.push(this.watcher(configDir, (name) => name === null || name === path.basename(configFile) || name === contentName));
          // The synonyms file, which search reads (its folder may not exist yet: the backstop poll sees it appear).
          const synonyms = this.synonymsFile();
          if (inodeOf(path.dirname(synonyms)) !== undefined) this.watchers.push(this.watcher(path.dirname(synonyms), (name) => name === null || name === path.basename(synonyms)));
          this.watchedDir = { dir: contentDir, ino };
        } catch (error) {
          this.closeWatchers();
          this.live.onEvent?.({ kind: "polling", why: `cannot watch ${contentDir} (${(error as Error).message})` });
        }
      }
    }
    this.schedulePoll();
  }

  /**
   * Watches each folder of the content tree that is not watched yet and lets go of folders gone. A
   * folder made since the last look may have had cards written into it before its watcher: the
   * fingerprint, read before the last load, then tells whether to load again. Throws when a folder
   * cannot be watched (the caller falls back to polling).
   */
  private watchFolders(contentDir: string): void {
    const folders = new Set<string>();
    walkContent(contentDir, (full, isFolder) => {
      if (isFolder) folders.add(full);
    });
    folders.add(contentDir);
    for (const [dir, watcher] of this.folderWatchers) {
      if (folders.has(dir)) continue;
      watcher.close();
      this.folderWatchers.delete(dir);
    }
    let added = false;
    for (const dir of folders) {
      if (this.folderWatchers.has(dir)) continue;
      this.folderWatchers.set(dir, this.watcher(dir, () => true));
      added = true;
    }
    if (added && this.watchedDir && this.readFingerprint() !== this.fingerprint) this.changed();
  }

  private watcher(dir: string, relevant: (name: string | null) => boolean): FSWatcher {
    const watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (relevant(name === null ? null : String(name))) this.changed();
    });
    watcher.on("error", (error) => {
      // Given up for all: the next reload watches everything anew, the poll meanwhile.
      this.closeWatchers();
      this.watchedDir = undefined;
      this.live.onEvent?.({ kind: "polling", why: `stopped watching ${dir} (${error.message})` });
      this.changed();
    });
    return watcher;
  }

  private schedulePoll(): void {
    clearTimeout(this.poll);
    if (this.closed) return;
    const every = this.watching ? this.live.backstopPollMs : this.live.pollMs;
    this.poll = setTimeout(() => {
      if (this.readFingerprint() !== this.fingerprint) this.changed();
      else if (!this.watching && this.live.watch) this.watchFiles();
      this.schedulePoll();
    }, every);
    this.poll.unref();
  }

  private synonymsFile(): string {
    return path.join(this.paths().root, ...SYNONYMS_FILE.split("/"));
  }

  /** Names, sizes, times and inodes of every entry in the content folder, and the configuration and synonyms files'. */
  private readFingerprint(): string {
    const { contentDir, configFile } = this.paths();
    const hash = createHash("sha256");
    hash.update(statLine(configFile, lstatOrUndefined(configFile)));
    const synonyms = this.synonymsFile();
    hash.update(statLine(synonyms, lstatOrUndefined(synonyms)));
    hash.update(statLine(contentDir, lstatOrUndefined(contentDir)));
    walkContent(contentDir, (full) => hash.update(statLine(full, lstatOrUndefined(full))));
    return hash.digest("hex");
  }
}

/** Deepest folder the poll and the watchers look into (a collection is one level; links are never followed). */
const MAX_DEPTH = 16;

/** Calls `visit` with every entry of the content tree the card loader may read (see discover.ts), in name order. */
function walkContent(contentDir: string, visit: (full: string, isFolder: boolean) => void): void {
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const entry of entries) {
      // What the card loader never reads need not be watched.
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      const isFolder = entry.isDirectory() && depth < MAX_DEPTH;
      visit(full, isFolder);
      if (isFolder) walk(full, depth + 1);
    }
  };
  walk(contentDir, 0);
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function inodeOf(dir: string): number | undefined {
  const stats = lstatOrUndefined(dir);
  return stats?.isDirectory() ? stats.ino : undefined;
}

function statLine(name: string, stats: Stats | undefined): string {
  return stats ? `${name}\0${stats.ino}\0${stats.size}\0${stats.mtimeMs}\0${stats.ctimeMs}\n` : `${name}\0-\n`;
}
