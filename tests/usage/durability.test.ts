/**
 * The real `verity collect` process killed with SIGKILL while batches are in flight: every batch it
 * answered with 200 is in the database after a restart. Also: a busy port gives a clear message.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openUsageReader } from "../../src/core/usage/store.ts";
import { makeProject, REPO_ROOT, removeTemps } from "../helpers.ts";

const NODE = path.join(REPO_ROOT, "node_modules/node/bin/node");
const BIN = path.join(REPO_ROOT, "cli/bin.js");
const CARD = (title: string) => `---\ntitle: ${title}\nowner: "@a"\naudience: external\nverify_by: 2030-01-01\n---\nText.\n`;

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  removeTemps();
});

function project(): string {
  return makeProject({
    "verity.config.yml": "sites:\n  public:\n    usage:\n      endpoint: http://127.0.0.1:9/events\ncollect:\n  rate:\n    perSecond: 100000\n    burst: 100000\n",
    "content/billing/refund.md": CARD("Refund"),
  });
}

/** Starts `verity collect` and resolves with its URL once it listens. */
function startCollect(root: string, args: string[] = []): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(NODE, [BIN, "collect", "--root", root, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let stdout = "";
    child.stdout!.on("data", (chunk) => {
      stdout += chunk;
      const match = /on (http:\/\/\S+\/)events/.exec(stdout);
      if (match) resolve({ child, url: match[1]!, stderr: () => stderr });
    });
    child.once("exit", (code) => reject(new Error(`collect exited with ${code}: ${stderr}`)));
  });
}

describe("verity collect: durability", () => {
  it("loses no acknowledged event when killed with SIGKILL right after answering", async () => {
    const root = project();
    const db = path.join(root, "usage.db");
    const ndjson = path.join(root, "usage.ndjson");
    const { child, url } = await startCollect(root, ["--database", db, "--ndjson", ndjson]);
    const acknowledged: string[] = [];
    let killed = false;
    let sent = 0;
    const sender = async (worker: number) => {
      for (let i = 0; !killed; i++) {
        const visit = `w${worker}-batch-${String(i).padStart(5, "0")}`;
        const events = Array.from({ length: 5 }, () => ({ type: "card_view", card: "billing/refund" }));
        sent++;
        try {
          const response = await fetch(`${url}events`, { method: "POST", body: JSON.stringify({ v: 1, site: "public", visit, events }) });
          if (response.status === 200) {
            acknowledged.push(visit);
            // Kill the moment the 150th batch is acknowledged, while other workers' batches are in flight.
            if (acknowledged.length === 150 && !killed) {
              killed = true;
              child.kill("SIGKILL");
            }
          }
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const exited = new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    await Promise.all(Array.from({ length: 8 }, (_, w) => sender(w)));
    expect(await exited).toBe("SIGKILL");
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);
    expect(sent).toBeGreaterThan(acknowledged.length);

    // Restart on the same database (WAL recovery), then read what survived.
    const restarted = await startCollect(root, ["--database", db, "--ndjson", ndjson]);
    expect((await fetch(`${restarted.url}health`)).status).toBe(200);
    restarted.child.kill("SIGTERM");
    await new Promise((resolve) => restarted.child.once("exit", resolve));
    expect(restarted.stderr()).toContain("SIGTERM: storing what was accepted and stopping");

    for (const file of [db, ndjson]) {
      const reader = openUsageReader(file);
      const stored = new Map(reader.all("SELECT visit, COUNT(*) AS n FROM events GROUP BY visit", {}).map((r) => [String(r.visit), Number(r.n)]));
      reader.close();
      const missing = acknowledged.filter((visit) => stored.get(visit) !== 5);
      expect(missing, file).toEqual([]);
    }
  }, 60_000);

  it("says the port is busy and suggests --port", async () => {
    const root = project();
    const first = await startCollect(root, ["--database", path.join(root, "a.db")]);
    const port = new URL(first.url).port;
    const second = spawn(NODE, [BIN, "collect", "--root", root, "--port", port, "--database", path.join(root, "b.db")], { stdio: ["ignore", "pipe", "pipe"] });
    children.push(second);
    let stderr = "";
    second.stderr!.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => second.once("exit", resolve));
    first.child.kill("SIGTERM");
    expect(code).toBe(2);
    expect(stderr).toContain(`Cannot listen on 127.0.0.1:${port}: the port is already in use.`);
    expect(stderr).toContain(`--port ${Number(port) + 1}`);
  });

  it("refuses to start when no site measures usage", async () => {
    const root = makeProject({ "content/billing/refund.md": CARD("Refund") });
    const child = spawn(NODE, [BIN, "collect", "--root", root, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(2);
    expect(stderr).toContain("Usage measurement is off on both sites");
  });

  // The NDJSON file's error was reported as the database's: "Cannot open the usage database
  // .verity/usage.db: ENOTDIR ... mkdir '.../events.ndjson'", with the hint to check --database.
  it("names the NDJSON file, not the database, when the NDJSON file cannot be opened", async () => {
    const root = project();
    const child = spawn(NODE, [BIN, "collect", "--root", root, "--port", "0", "--ndjson", path.join(root, "verity.config.yml", "events.ndjson")], { stdio: ["ignore", "pipe", "pipe"], cwd: root });
    children.push(child);
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    expect(await new Promise((resolve) => child.once("exit", resolve))).toBe(2);
    expect(stderr).toContain("Cannot open the NDJSON file verity.config.yml/events.ndjson: a part of the path is a file, not a folder");
    expect(stderr).toContain("--ndjson");
    expect(stderr).not.toContain("usage database");
  });
});
