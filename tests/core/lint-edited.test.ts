/**
 * `lint` after editing a few cards' text re-checks only those cards against stubs of the others
 * (app/lint-edited.ts). Whatever the edit, its report must be the report of a lint without any
 * cache, byte for byte; and a body edit must really take that path (the per-card cache, which only
 * the full lint writes, stays untouched).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createRandom } from "../../bench/lib/random.ts";
import { lintRule } from "unified-lint-rule";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { lintCards } from "../../src/core/lint/lint-project.ts";
import { StubCardRead, stubCard, stubFactsOf } from "../../src/core/lint/run-delta.ts";
import { readStubFacts, writeStubFacts } from "../../src/core/lint/stub-facts-file.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { buildCardIndex } from "../../src/core/site/links.ts";
import { makeProject, removeTemps, runCli } from "../helpers.ts";

afterAll(removeTemps);

const TODAY = "2027-01-01";

function project(): string {
  return makeProject({
    ".vale.ini": "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Test\n",
    "styles/Test/Avoid.yml": "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\nignorecase: true\ntokens:\n  - simply\n  - obviously\n",
    "content/a/steps.md": exampleCard({ title: "Steps card", audience: "external" }, "## Steps\n\nDo it.\n\n## Result\n\nDone.\n"),
    "content/a/linker.md": exampleCard({ title: "Linker", audience: "external" }, "See [the steps](steps.md#steps) and [the notes](../b/notes.md).\n"),
    "content/a/public.md": exampleCard({ title: "Public", audience: "external", tags: "[billing]" }, "Simply public.\n\n## Details\n\nText.\n"),
    "content/b/notes.md": exampleCard({ title: "Notes", id: "shared-id", verify_by: "2027-01-10" }, "Internal notes.\n"),
    "content/b/other.md": exampleCard({ title: "Other", aliases: "[/b/other-old/, /b/other-older/]" }, "Some text.\n"),
    "content/b/form.txt": "A form.\n",
    "content/b/uses-file.md": exampleCard({ title: "Uses a file" }, "Fill in [the form](form.txt).\n"),
    "content/b/source.md": exampleCard({ title: "Source" }, "The source.\n"),
    "content/b/source-ko.md": exampleCard({ title: "소스", lang: "ko", translation_of: "b/source" }, "번역.\n"),
    "content/b/answer.md": exampleCard({ title: "Answer", audience: "external", companion: "b/agent-notes" }, "The answer.\n"),
    "content/b/agent-notes.md": exampleCard({ title: "Agent notes", companion: "b/answer" }, "Notes for agents.\n"),
    "content/_snippets/warning.md": "Be careful.\n",
  });
}


const CARDS = ["content/a/steps.md", "content/a/linker.md", "content/a/public.md", "content/b/notes.md", "content/b/other.md", "content/b/uses-file.md", "content/b/source.md", "content/b/source-ko.md", "content/b/answer.md", "content/b/agent-notes.md"];

/** Edits of every kind: body text, links, anchors, HTML, headings, frontmatter values and lines. */
const EDITS: readonly ((text: string, n: number) => string)[] = [
  (t, n) => `${t}\nAnother paragraph ${n}.\n`,
  (t, n) => `${t}\nThis is obviously step ${n}.\n`,
  (t) => `${t}\nSee [the result](steps.md#result) and [nothing](steps.md#nothing).\n`,
  (t) => `${t}\nSee [the notes](../b/notes.md) and [a form](../b/form.txt).\n`,
  (t) => `${t}\n<div onclick="alert(1)">Click</div>\n`,
  (t) => `${t}\n![remote](https://example.com/a.png)\n`,
  (t, n) => `${t}\n## Heading ${n}\n\nText.\n`,
  (t) => t.replace(/^title: (.*)$/m, "title: $1 (edited)"),
  (t) => t.replace(/^---\n/, "---\n# a comment line\n"),
  (t) => `${t}\n::snippet{name="warning"}\n`,
  (t) => t.replace(/\n[^\n]*\n$/, "\n"),
  (t) => t.replace("## Steps", "## Stages").replace("## Stages\n\nDo it.", "## Steps\n\nDo it."),
];

async function report(dir: string, extra: string[] = []): Promise<string> {
  const { stdout, stderr } = await runCli(["lint", "--format", "json", "--today", TODAY, ...extra], { cwd: dir });
  if (stderr.includes("internal error")) throw new Error(stderr);
  return stdout;
}

describe("lint after editing a few cards", () => {
  it("reports exactly what a lint without a cache reports, after random edits of every kind", { timeout: 120_000 }, async () => {
    const dir = project();
    await report(dir);
    const next = createRandom(7).next;
    for (let step = 0; step < 48; step++) {
      const count = next() < 0.75 ? 1 : 2;
      for (let k = 0; k < count; k++) {
        const file = path.join(dir, CARDS[Math.floor(next() * CARDS.length)]!);
        const edit = EDITS[Math.floor(next() * EDITS.length)]!;
        writeFileSync(file, edit(readFileSync(file, "utf8"), step));
      }
      const cached = await report(dir);
      expect(cached, `step ${step}`).toBe(await report(dir, ["--no-cache"]));
      // And replayed unchanged.
      expect(await report(dir), `step ${step}, replayed`).toBe(cached);
    }
  });

  it("writes an edit as a few lines next to the run record, which a later whole write makes void", async () => {
    const dir = project();
    await report(dir);
    const record = path.join(dir, ".verity-cache", "lint-run.json");
    const edits = path.join(dir, ".verity-cache", "lint-run-edits.json");
    const whole = readFileSync(record, "utf8");
    const other = path.join(dir, "content/b/other.md");
    const original = readFileSync(other, "utf8");
    writeFileSync(other, `${original}\nThis is simply more text.\n`);
    expect(await report(dir)).toBe(await report(dir, ["--no-cache"]));
    expect(readFileSync(record, "utf8")).toBe(whole);
    const firstEdits = readFileSync(edits, "utf8");
    expect(Object.keys(JSON.parse(firstEdits).files)).toEqual([other]);

    // A second card edited: both are in the edits, and the report is still a full lint's.
    const steps = path.join(dir, "content/a/public.md");
    const publicText = readFileSync(steps, "utf8");
    writeFileSync(steps, publicText.replace("Simply public.", "Public."));
    const twoEdits = await report(dir);
    expect(twoEdits).toBe(await report(dir, ["--no-cache"]));
    expect(twoEdits).not.toContain("Avoid 'Simply'");
    expect(Object.keys(JSON.parse(readFileSync(edits, "utf8")).files).sort()).toEqual([steps, other].sort());
    expect(readFileSync(record, "utf8")).toBe(whole);

    // A fact changes: the whole record is written again and the edits file goes.
    writeFileSync(other, original.replace(/^title: .*$/m, "title: Other, renamed"));
    expect(await report(dir)).toBe(await report(dir, ["--no-cache"]));
    expect(() => readFileSync(edits)).toThrow();
    // Edits naming an earlier write are never applied, even when the cards are back as they were then.
    writeFileSync(other, `${original}\nThis is simply more text.\n`);
    writeFileSync(steps, publicText);
    writeFileSync(edits, firstEdits);
    expect(await report(dir)).toBe(await report(dir, ["--no-cache"]));
  });

  it("checks only the edited card when its body changes, and everything when a fact changes", async () => {
    const dir = project();
    await report(dir);
    const cardCache = path.join(dir, ".verity-cache", "lint-cards.json");
    const stamp = () => `${statSync(cardCache).size}/${statSync(cardCache).mtimeMs}`;
    const before = stamp();
    const other = path.join(dir, "content/b/other.md");
    writeFileSync(other, `${readFileSync(other, "utf8")}\nThis is simply more text.\n`);
    const edited = await report(dir);
    expect(edited).toContain("Avoid 'simply'");
    expect(stamp()).toBe(before); // the full lint did not run
    expect(edited).toBe(await report(dir, ["--no-cache"]));

    // A heading is a fact other cards' links read: the full lint runs.
    writeFileSync(other, `${readFileSync(other, "utf8")}\n## New heading\n\nText.\n`);
    expect(await report(dir)).toBe(await report(dir, ["--no-cache"]));
    expect(stamp()).not.toBe(before);

    // A translation source is never checked alone (its translations' drift reads its text).
    const after = stamp();
    const source = path.join(dir, "content/b/source.md");
    writeFileSync(source, `${readFileSync(source, "utf8")}\nMore.\n`);
    expect(await report(dir)).toBe(await report(dir, ["--no-cache"]));
    expect(stamp()).not.toBe(after);
  });

  it("stops, for the full lint to run, when a check reads more of another card than its facts", () => {
    const dir = project();
    const loaded = loadProject({ cwd: dir, today: TODAY });
    const stubs = loaded.cards.map((card) => (card.relPath === "content/a/steps.md" ? stubCard(stubFactsOf(card), loaded.root) : card));
    const steps = stubs.find((card) => card.relPath === "content/a/steps.md")!;
    // What other cards' checks read is there; the rest is not, and reading it throws.
    expect(steps.headings.map((heading) => heading.id)).toEqual(["steps", "result"]);
    expect(() => steps.headings[0]!.text).toThrow(StubCardRead);
    for (const read of [() => steps.source, () => steps.tree, () => steps.links, () => steps.fieldLines]) expect(read).toThrow(StubCardRead);

    const partial = { ...loaded, cards: stubs, index: buildCardIndex(stubs, loaded.invalidFiles, { sites: loaded.config.sites }) };
    const linker = stubs.find((card) => card.relPath === "content/a/linker.md")!;
    // A project's own lint rule that reads another card's text: its error would become a finding; it must stop the run instead.
    const peek = lintRule("test:peek", (_tree, file) => {
      const { index } = (file.data as { verity: { index: typeof partial.index } }).verity;
      for (const card of index.byFile.values()) void card.source.length;
    });
    expect(() => lintCards(partial, [{ card: linker, isBodyOnly: false }], { remarkPlugins: [peek] })).toThrow(StubCardRead);
    // Without that rule, the card's checks run against the stub.
    expect(lintCards(partial, [{ card: linker, isBodyOnly: false }]).get(linker)!.some((finding) => finding.ruleId === "link-audience")).toBe(true);
  });

  it("keeps the recorded facts in a file a stub reads only when a check asks for more than its keys", () => {
    const dir = project();
    const loaded = loadProject({ cwd: dir, today: TODAY });
    const file = path.join(dir, "facts.json");
    writeStubFacts(file, "run-1", loaded.cards, loaded.index.pages);
    expect(readStubFacts(file, "run-2", loaded.root)).toBeUndefined();
    const facts = readStubFacts(file, "run-1", loaded.root)!;
    expect(facts.cards.map((card) => card.relPath)).toEqual(loaded.cards.map((card) => card.relPath));
    expect([...facts.related].sort()).toEqual(["b/agent-notes", "b/answer", "b/source"]);
    const notes = facts.cards.find((card) => card.relPath === "content/b/notes.md")!;
    const original = loaded.cards.find((card) => card.relPath === "content/b/notes.md")!;
    expect([notes.url, notes.id, notes.file]).toEqual([original.url, original.id, original.file]);
    expect(facts.cards.map((card) => facts.aliases.get(card))).toEqual(loaded.cards.map((card) => card.data.aliases ?? []));
    expect(facts.aliases.get(facts.cards.find((card) => card.relPath === "content/b/other.md")!)).toEqual(["/b/other-old/", "/b/other-older/"]);
    // Read when asked: the frontmatter and heading ids as recorded, the text never.
    expect(notes.data).toEqual(original.data);
    expect(notes.headings.map((heading) => heading.id)).toEqual(original.headings.map((heading) => heading.id));
    expect(() => notes.source).toThrow(StubCardRead);
    facts.close();
    // Keys stay at hand once the file is closed; the facts of a card not read before do not.
    const steps = facts.cards.find((card) => card.relPath === "content/a/steps.md")!;
    expect(steps.id).toBe("a/steps");
    expect(() => steps.data).toThrow(StubCardRead);
    expect(notes.data.title).toBe("Notes");

    // A damaged file is no facts at all, or a stub that cannot read its own: either way the full lint runs.
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.slice(0, 20));
    expect(readStubFacts(file, "run-1", loaded.root)).toBeUndefined();
    writeFileSync(file, text.slice(0, text.length - 40));
    const cut = readStubFacts(file, "run-1", loaded.root)!;
    expect(() => cut.cards.at(-1)!.data).toThrow(StubCardRead);
    cut.close();
    // An index whose columns do not line up is no facts either.
    const head = JSON.parse(text.slice(16, 16 + Number(text.slice(0, 15)))) as { cards: { urls: string[] } };
    head.cards.urls.pop();
    const json = JSON.stringify(head);
    writeFileSync(file, `${String(Buffer.byteLength(json)).padStart(15, "0")}\n${json}${text.slice(16 + Number(text.slice(0, 15)))}`);
    expect(readStubFacts(file, "run-1", loaded.root)).toBeUndefined();
  });

  it("starts a new run when HEAD moves, even if no file changed (translation drift reads the history)", async () => {
    const dir = project();
    const env = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" };
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe", env });
    const recordKey = () => (JSON.parse(readFileSync(path.join(dir, ".verity-cache", "lint-run.json"), "utf8")) as { key: string }).key;
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "-m", "cards");
    const first = await report(dir);
    const before = recordKey();
    expect(await report(dir)).toBe(first);
    expect(recordKey()).toBe(before);
    git("commit", "-q", "--allow-empty", "-m", "nothing changed");
    expect(await report(dir)).toBe(first);
    expect(recordKey()).not.toBe(before);
  });
});
