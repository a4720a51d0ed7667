/**
 * Attachments are read when the build approves them (attachment-snapshot.ts): the open file is
 * checked as the file-audience verdict checks the path, its bytes are judged and copied into the
 * work folder, and the site's copy step publishes only those bytes, checked by hash.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, linkSync, openSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copySiteAssets, createSnapshotter } from "../../src/build/attachment-snapshot.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { CheckFailed } from "../../src/core/errors.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { makeProject, makeTempDir, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';
const card = (audience: string, body: string) => `---\ntitle: A card\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-01\n---\n\n${body}\n`;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A content folder with `files`, and a snapshotter writing into the project's work folder. */
function setup(files: Record<string, string | Uint8Array>) {
  const root = makeProject(Object.fromEntries(Object.entries(files).map(([rel, bytes]) => [`content/${rel}`, bytes])));
  const contentDir = path.join(root, "content");
  const dir = path.join(root, "work", "files");
  return { root, contentDir, dir, snapshot: createSnapshotter(dir, contentDir), at: (rel: string) => path.join(contentDir, ...rel.split("/")) };
}

describe("the attachments a site publishes", () => {
  it("are the bytes read when the build approved them, whatever the content folder holds at copy time", () => {
    const root = makeProject({
      "content/help/flow.svg": SVG,
      "content/help/a.md": card("external", "![Flow](flow.svg)"),
    });
    const outside = path.join(makeTempDir(), "secret.txt");
    writeFileSync(outside, "outside the project");
    const project = loadProject({ cwd: root, root, today: "2030-01-01" });
    const snapshotDir = path.join(makeTempDir(), "files");
    const sites = prepareSites(project, ["public", "internal"], { history: { available: false, reason: "test" }, snapshotDir });
    const [asset] = sites.get("public")!.assets;
    expect(asset).toMatchObject({ sitePath: "/_files/help/flow.svg", snapshot: { sha256: sha256(Buffer.from(SVG)), size: SVG.length } });
    // Both sites share the one copy.
    expect(sites.get("internal")!.assets[0]!.snapshot).toEqual(asset!.snapshot);
    expect(readdirSync(snapshotDir)).toEqual([asset!.snapshot!.sha256]);

    const file = path.join(root, "content", "help", "flow.svg");
    rmSync(file);
    symlinkSync(outside, file);
    const out = makeTempDir();
    copySiteAssets(sites.get("public")!.assets, out);
    expect(readFileSync(path.join(out, "_files", "help", "flow.svg"), "utf8")).toBe(SVG);
  });

  it("are refused at the copy when the snapshot no longer holds the approved bytes", () => {
    const { at, snapshot } = setup({ "help/flow.svg": SVG });
    const taken = snapshot(at("help/flow.svg"));
    writeFileSync(taken.file, SVG.replace("rect", "text"));
    const out = makeTempDir();
    expect(() => copySiteAssets([{ file: at("help/flow.svg"), sitePath: "/_files/help/flow.svg", snapshot: taken }], out)).toThrow(/no longer holds the bytes the build approved/);
    expect(existsSync(path.join(out, "_files", "help", "flow.svg"))).toBe(false);
  });

  it("are never published from data prepared without snapshots", () => {
    expect(() => copySiteAssets([{ file: "/x.png", sitePath: "/_files/x.png", snapshot: undefined }], makeTempDir())).toThrow(/without a snapshot/);
  });
});

describe("createSnapshotter", () => {
  it("copies a large file in chunks, under its hash, once per file", () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    const { at, dir, snapshot } = setup({ "help/manual.pdf": big });
    const taken = snapshot(at("help/manual.pdf"));
    expect(taken).toEqual({ file: path.join(dir, sha256(big)), sha256: sha256(big), size: big.length });
    expect(readFileSync(taken.file).equals(big)).toBe(true);
    writeFileSync(at("help/manual.pdf"), "changed");
    expect(snapshot(at("help/manual.pdf"))).toBe(taken);
    expect(readdirSync(dir)).toEqual([taken.sha256]);
  });

  it("stops the build when the approved file became a symbolic link, a hard link or a FIFO", () => {
    const { contentDir, dir, at, snapshot } = setup({ "help/a.png": "png", "help/b.png": "png", "help/c.png": "png" });
    const outside = path.join(makeTempDir(), "secret.txt");
    writeFileSync(outside, "outside");
    rmSync(at("help/a.png"));
    symlinkSync(outside, at("help/a.png"));
    expect(() => snapshot(at("help/a.png"))).toThrow(CheckFailed);
    expect(() => snapshot(at("help/a.png"))).toThrow(/content\/help\/a\.png changed while the build read it \(it is now a symbolic link\)/);
    linkSync(at("help/b.png"), path.join(makeTempDir(), "other-name.png"));
    expect(() => snapshot(at("help/b.png"))).toThrow(/it is now a hard link/);
    rmSync(at("help/c.png"));
    if (spawnSync("mkfifo", [at("help/c.png")]).status === 0) expect(() => snapshot(at("help/c.png"))).toThrow(/no longer a regular file/);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(path.join(contentDir, "help"))).toBe(true);
  });

  it.runIf(spawnSync("yes", ["--version"]).status === 0)("stops, and does not read on and on, when the file grows while it is read", async () => {
    const { at, snapshot } = setup({ "help/log.txt": "start\n" });
    const out = openSync(at("help/log.txt"), "a");
    const writer = spawn("yes", ["a line of a log that is still being written"], { stdio: ["ignore", out, "ignore"] });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(() => snapshot(at("help/log.txt"))).toThrow(/content\/help\/log\.txt changed while the build read it \(it grew while it was read\)/);
    } finally {
      writer.kill();
      closeSync(out);
    }
  });

  it("stops the build when the file is now reached through a linked folder", () => {
    const { contentDir, at, snapshot } = setup({ "help/a.png": "png" });
    const elsewhere = makeTempDir();
    mkdirSync(path.join(elsewhere, "help"));
    writeFileSync(path.join(elsewhere, "help", "a.png"), "outside");
    rmSync(path.join(contentDir, "help"), { recursive: true });
    symlinkSync(path.join(elsewhere, "help"), path.join(contentDir, "help"));
    expect(() => snapshot(at("help/a.png"))).toThrow(/reached through a linked folder/);
  });

  it("judges the bytes it copies: a document rewritten with script stops the build", () => {
    const { dir, at, snapshot } = setup({ "help/flow.svg": `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`, "help/notes.dat": "<html><script>alert(1)</script></html>" });
    expect(() => snapshot(at("help/flow.svg"))).toThrow(/its content is no longer safe to publish: it has an event handler \(onload\)/);
    expect(() => snapshot(at("help/notes.dat"))).toThrow(/no longer safe to publish/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
