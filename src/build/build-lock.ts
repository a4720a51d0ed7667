/**
 * One `verity build` at a time per project: a lock file (`.verity-cache/build.lock` in the project)
 * holds the pid of the build that owns it. A second build waits for it (saying whose build it waits
 * for) up to a time limit, then stops with a clear message. A lock whose process is gone is stale
 * and is taken over. So is a lock that nobody refreshes: its holder touches it every few seconds,
 * and a lock left untouched through a few minutes of waiting is taken over too, whoever it names.
 * That is the only sign of life of a build on another host (a container killed with SIGKILL: the
 * next one has another host name), of a pid from another pid namespace, and of a lock that came
 * with the project's files (committed to git, copied): their pid says nothing.
 */
import { hostname } from "node:os";
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CheckFailed } from "../core/errors.ts";
import { CACHE_FOLDER, requireCacheFolder } from "../core/project/cache-folder.ts";

export const BUILD_LOCK_FILE = path.join(CACHE_FOLDER, "build.lock");

interface LockOwner {
  pid: number;
  host: string;
  started: string;
  id?: string;
}

export interface BuildLock {
  file: string;
  release(): void;
}

export interface LockOptions {
  /** How long to wait for another build before giving up (default 20 minutes). */
  waitMs?: number;
  /** How often to look again (default 250 ms). */
  pollMs?: number;
  /** Told once when the build has to wait. */
  onWait?: (message: string) => void;
  /** Stops the wait (the build was interrupted). */
  signal?: AbortSignal;
  /** How long a lock may stay untouched while this build waits before it is taken as stale (default 3 minutes). */
  quietMs?: number;
  /** How often the holder touches its lock (default 5 seconds). */
  heartbeatMs?: number;
}

/** Takes the build lock of the project at `root`, waiting while another live build holds it. */
export async function acquireBuildLock(root: string, options: LockOptions = {}): Promise<BuildLock> {
  const file = path.join(root, BUILD_LOCK_FILE);
  const waitMs = options.waitMs ?? 20 * 60_000;
  const pollMs = options.pollMs ?? 250;
  const quietMs = options.quietMs ?? 3 * 60_000;
  const started = Date.now();
  /** The lock as last seen (its text and modification time), and since when it has looked so. */
  let seen: { text: string; mtimeMs: number; since: number } | undefined;
  let told = false;
  requireCacheFolder(root);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw cannotLock(file, error);
  }
  // The random part tells two takers of one process apart (a lock is released only by its taker).
  const text = JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString(), id: Math.random().toString(36).slice(2) });
  for (;;) {
    if (tryCreate(file, text)) return holdLock(file, text, options.heartbeatMs ?? 5_000);
    const holder = readOwner(file);
    if (holder && holder.text !== text && isStale(holder.owner)) {
      takeOverStale(file, holder.text);
      continue;
    }
    if (holder === undefined) continue; // removed between our attempt and the read: try again
    const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    if (!seen || seen.text !== holder.text || seen.mtimeMs !== mtimeMs) seen = { text: holder.text, mtimeMs, since: Date.now() };
    else if (Date.now() - seen.since >= quietMs) {
      takeOverStale(file, holder.text);
      seen = undefined;
      continue;
    }
    if (options.signal?.aborted) throw new CheckFailed("The build was stopped while it waited for another build.");
    const elapsed = Date.now() - started;
    const who = describe(holder.owner);
    if (elapsed >= waitMs) {
      throw new CheckFailed(
        `Another verity build (${who}) has been running in this project for more than ${Math.round(waitMs / 60_000)} minutes.`,
        `Wait for it to finish, or stop it. If no build is running, delete ${file}.`,
      );
    }
    if (!told) {
      options.onWait?.(`another verity build (${who}) is running in this project; waiting for it to finish (lock: ${file})`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** The lock taken: touched every `heartbeatMs` while it is held (a sign of life for builds waiting on other hosts). */
function holdLock(file: string, text: string, heartbeatMs: number): BuildLock {
  const beat = setInterval(() => {
    try {
      if (readFileSync(file, "utf8") === text) utimesSync(file, new Date(), new Date());
    } catch {
      /* gone: release() or a takeover will tell */
    }
  }, heartbeatMs);
  beat.unref();
  return {
    file,
    release: () => {
      clearInterval(beat);
      release(file, text);
    },
  };
}

/** Creates the lock file atomically (write a private file, then hard-link it into place). */
function tryCreate(file: string, text: string): boolean {
  const mine = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    writeFileSync(mine, text);
    linkSync(mine, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw cannotLock(file, error);
  } finally {
    rmSync(mine, { force: true });
  }
}

function readOwner(file: string): { text: string; owner: LockOwner | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return { text, owner: Number.isInteger(owner.pid) ? owner : undefined };
  } catch {
    return { text, owner: undefined };
  }
}

/** A lock is stale when its process is gone (on this host), or it cannot be read at all. */
function isStale(owner: LockOwner | undefined): boolean {
  if (!owner) return true;
  if (owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Removes a stale lock without removing a fresh one another waiter has just taken: the lock is
 * renamed to a private name first, and put back when it turns out not to be the stale one.
 */
function takeOverStale(file: string, staleText: string): void {
  const aside = `${file}.stale.${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // gone already
  }
  let text = "";
  try {
    text = readFileSync(aside, "utf8");
  } catch {
    /* unreadable: treat as stale */
  }
  if (text !== staleText) {
    try {
      linkSync(aside, file);
    } catch {
      /* a third build took the free lock meanwhile; the one we moved aside has its process to finish */
    }
  }
  rmSync(aside, { force: true });
}

function release(file: string, text: string): void {
  try {
    if (readFileSync(file, "utf8") === text) unlinkSync(file);
  } catch {
    /* already gone */
  }
}

function describe(owner: LockOwner | undefined): string {
  if (!owner) return "unknown process";
  return `pid ${owner.pid}${owner.host !== hostname() ? ` on ${owner.host}` : ""}, started ${owner.started}`;
}

function cannotLock(file: string, error: unknown): CheckFailed {
  return new CheckFailed(
    `Cannot create the build lock ${file}: ${(error as Error).message}`,
    "verity build needs to write to the project's .verity-cache/ folder; check its permissions.",
  );
}
