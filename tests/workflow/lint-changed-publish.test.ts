/** `lint --changed` reports every change that makes a card public, and the job summary lists them. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "./cli.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

function mainBranch(): TempRepo {
  const repo = createTempRepo();
  repos.push(repo);
  repo.write({
    "verity.config.yml": "minTrustScore: 0\n",
    "content/ops/_collection.yml": "title: Ops\ndefaults:\n  audience: internal\n",
    "content/ops/runbook.md": cardText({ title: "Runbook", audience: "" }, "PIN 4711.\n"),
    "content/ops/policy.md": cardText({ title: "Policy", audience: "internal" }, "Policy.\n"),
    "content/ops/draft.md": cardText({ title: "Draft", status: "draft" }, "Soon.\n"),
    "content/help/public.md": cardText({ title: "Public" }, "Public.\n"),
  });
  repo.commit("Cards on main", "2026-10-01");
  repo.git("switch", "-q", "-c", "feature");
  return repo;
}

async function published(repo: TempRepo, summary?: string) {
  const args = ["lint", "--changed", "main", "--format", "json", "--today", "2026-11-22", ...(summary ? ["--summary", summary] : [])];
  const result = await runCli(args, repo.root);
  const parsed = result.stdout ? (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string; severity: number }[] }[]) : [];
  return parsed.flatMap((r) => r.messages.filter((m) => m.ruleId === "card-published").map((m) => ({ file: path.relative(repo.root, r.filePath), ...m })));
}

describe("card-published", () => {
  it("a new external card is reported as a notice, not an error", async () => {
    const repo = mainBranch();
    repo.write({ "content/help/new.md": cardText({ title: "New" }) });
    const found = await published(repo);
    expect(found.map((f) => [f.file, f.severity])).toEqual([["content/help/new.md", 1]]);
  });

  it("internal to external, and draft to published", async () => {
    const repo = mainBranch();
    repo.write({
      "content/ops/policy.md": cardText({ title: "Policy", audience: "external" }, "Policy.\n"),
      "content/ops/draft.md": cardText({ title: "Draft" }, "Soon.\n"),
    });
    expect((await published(repo)).map((f) => f.file).sort()).toEqual(["content/ops/draft.md", "content/ops/policy.md"]);
  });

  it("a move that makes a card public is reported, and url-removed never advises publishing an internal card", async () => {
    const repo = mainBranch();
    repo.git("mv", "content/ops/runbook.md", "content/help/runbook.md");
    repo.write({ "content/help/runbook.md": cardText({ title: "Runbook" }, "PIN 4711.\n") });
    repo.git("mv", "content/ops/policy.md", "content/help/policy.md");
    const found = await published(repo);
    expect(found.map((f) => f.file)).toEqual(["content/help/runbook.md"]);
    expect(found[0]!.message).toMatch(/content\/ops\/runbook\.md/);
    const result = await runCli(["lint", "--changed", "main", "--format", "json", "--today", "2026-11-22"], repo.root);
    const removed = (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[])
      .flatMap((r) => r.messages.filter((m) => m.ruleId === "url-removed").map((m) => [path.relative(repo.root, r.filePath), m.message]));
    const policy = removed.find(([file]) => file === "content/help/policy.md");
    expect(policy?.[1]).toMatch(/internal wiki only/);
  });

  it("an unchanged audience publishes nothing, and the job summary counts what is published", async () => {
    const repo = mainBranch();
    repo.write({ "content/help/public.md": cardText({ title: "Public" }, "Edited.\n"), "content/ops/runbook.md": cardText({ title: "Runbook", audience: "" }, "PIN 4712.\n") });
    expect(await published(repo)).toEqual([]);
    repo.write({ "content/help/a.md": cardText({ title: "A" }), "content/help/b.md": cardText({ title: "B" }) });
    const summary = path.join(repo.root, "summary.md");
    await published(repo, summary);
    const text = readFileSync(summary, "utf8");
    expect(text).toMatch(/This pull request publishes 2 cards/);
    expect(text).toContain("content/help/a.md");
    expect(text).toContain("content/help/b.md");
  });
});

describe("card-published for translations the public site withholds", () => {
  function withTranslation(): TempRepo {
    const repo = mainBranch();
    repo.git("switch", "-q", "main");
    // translation-audience lowered: the Korean text of the internal policy is withheld from the help center, not refused.
    repo.write({
      "verity.config.yml": "minTrustScore: 0\nrules:\n  translation-audience: warning\n",
      "content/help/policy-ko.md": cardText({ title: "정책", lang: "ko", translation_of: "ops/policy" }, "정책.\n"),
    });
    repo.commit("A translation of the internal policy", "2026-10-02");
    repo.git("switch", "-q", "-C", "feature");
    return repo;
  }

  it("dropping translation_of publishes the translation, and a withheld one edited stays unreported", async () => {
    const repo = withTranslation();
    repo.write({ "content/help/policy-ko.md": cardText({ title: "정책", lang: "ko", translation_of: "ops/policy" }, "정책을 고쳤습니다.\n") });
    expect(await published(repo)).toEqual([]);
    repo.write({ "content/help/policy-ko.md": cardText({ title: "정책", lang: "ko" }, "정책.\n") });
    const found = await published(repo);
    expect(found.map((f) => f.file)).toEqual(["content/help/policy-ko.md"]);
    expect(found[0]!.message).toMatch(/translated ops\/policy, which the public help center does not have/);
  });

  it("making the source public publishes its translation with it", async () => {
    const repo = withTranslation();
    repo.write({ "content/ops/policy.md": cardText({ title: "Policy", audience: "external" }, "Policy.\n") });
    const found = await published(repo);
    expect(found.map((f) => f.file).sort()).toEqual(["content/help/policy-ko.md", "content/ops/policy.md"]);
    expect(found.find((f) => f.file === "content/help/policy-ko.md")!.message).toMatch(/translates ops\/policy, which this pull request publishes/);
  });
});

describe("card-published for files that were not cards", () => {
  it("a file moved out of a _ folder into a collection is published by the change", async () => {
    const repo = mainBranch();
    repo.write({ "content/help/_drafts/secret.md": cardText({ title: "Secret" }, "Secret.\n") });
    repo.commit("Draft outside the cards", "2026-10-02");
    repo.git("mv", "content/help/_drafts/secret.md", "content/help/secret.md");
    expect((await published(repo)).map((f) => f.file)).toEqual(["content/help/secret.md"]);
  });
});

async function publishedFiles(repo: TempRepo, summary?: string) {
  const args = ["lint", "--changed", "main", "--format", "json", "--today", "2026-11-22", ...(summary ? ["--summary", summary] : [])];
  const result = await runCli(args, repo.root);
  const parsed = result.stdout ? (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string; severity: number; line: number }[] }[]) : [];
  return parsed.flatMap((r) => r.messages.filter((m) => m.ruleId === "file-published").map((m) => ({ file: path.relative(repo.root, r.filePath), ...m })));
}

describe("file-published", () => {
  function withFiles(): TempRepo {
    const repo = mainBranch();
    repo.git("switch", "-q", "main");
    repo.write({
      "content/help/shared.pdf": "shared\n",
      "content/help/quiet.txt": "Not linked by a public card.\n",
      "content/help/linked.md": cardText({ title: "Linked" }, "See [the shared form](shared.pdf).\n"),
    });
    repo.commit("Files on main", "2026-10-02");
    repo.git("switch", "-q", "-C", "feature");
    return repo;
  }

  it("an external card that starts linking a file no public card linked reports it at the link", async () => {
    const repo = withFiles();
    repo.write({ "content/help/public.md": cardText({ title: "Public" }, "Public.\n\nSee [the notes](quiet.txt).\n") });
    const found = await publishedFiles(repo);
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([["content/help/public.md", 10, 1]]);
    expect(found[0]!.message).toMatch(/content\/help\/quiet\.txt/);
  });

  it("a new file, and the files of a card made public, are published by the change", async () => {
    const repo = withFiles();
    repo.write({
      "content/help/new.png": "png\n",
      "content/help/public.md": cardText({ title: "Public" }, "Public.\n\n![A chart](new.png)\n"),
      "content/ops/policy.md": cardText({ title: "Policy", audience: "external" }, "Policy, see [the notes](../help/quiet.txt).\n"),
    });
    const found = await publishedFiles(repo);
    expect(found.map((f) => [f.file, f.message.match(/content\/help\/[a-z.]+/)?.[0]]).sort()).toEqual([
      ["content/help/public.md", "content/help/new.png"],
      ["content/ops/policy.md", "content/help/quiet.txt"],
    ]);
  });

  it("a file another public card already linked, an internal card's link and an unchanged link publish nothing", async () => {
    const repo = withFiles();
    repo.write({
      "content/help/public.md": cardText({ title: "Public" }, "Public, with [the shared form](shared.pdf).\n"),
      "content/ops/policy.md": cardText({ title: "Policy", audience: "internal" }, "See [the notes](../help/quiet.txt).\n"),
      "content/help/linked.md": cardText({ title: "Linked" }, "Edited. See [the shared form](shared.pdf).\n"),
    });
    expect(await publishedFiles(repo)).toEqual([]);
  });

  it("the job summary lists the files a pull request publishes", async () => {
    const repo = withFiles();
    repo.write({ "content/help/public.md": cardText({ title: "Public" }, "See [the notes](quiet.txt).\n") });
    const summary = path.join(repo.root, "summary.md");
    await publishedFiles(repo, summary);
    const text = readFileSync(summary, "utf8");
    expect(text).toMatch(/publishes 1 file\b/);
    expect(text).toContain("content/help/quiet.txt");
  });
});

describe("file-published for snippets made external", () => {
  function withSnippet(audience: string): TempRepo {
    const repo = mainBranch();
    repo.git("switch", "-q", "main");
    repo.write({
      "content/_snippets/escalate.md": `---\nowner: "@ops"\nverify_by: 2027-06-30\n${audience}---\n\nCall the on-call line, PIN 4711.\n`,
      "content/help/uses.md": cardText({ title: "Uses" }, "Steps.\n\n::snippet{name=\"escalate\"}\n"),
      "content/ops/inside.md": cardText({ title: "Inside", audience: "internal" }, "::snippet{name=\"escalate\"}\n"),
    });
    repo.commit("Snippet on main", "2026-10-02");
    repo.git("switch", "-q", "-C", "feature");
    return repo;
  }

  it("an internal snippet made external is reported at its audience line with the public cards that include it", async () => {
    const repo = withSnippet("");
    repo.write({ "content/_snippets/escalate.md": `---\nowner: "@ops"\nverify_by: 2027-06-30\naudience: external\n---\n\nCall the on-call line, PIN 4711.\n` });
    const summary = path.join(repo.root, "summary.md");
    const found = await publishedFiles(repo, summary);
    expect(found.map((f) => [f.file, f.line])).toEqual([["content/_snippets/escalate.md", 4]]);
    expect(found[0]!.message).toContain("content/help/uses.md");
    expect(found[0]!.message).not.toContain("content/ops/inside.md");
    expect(readFileSync(summary, "utf8")).toContain("content/_snippets/escalate.md");
  });

  it("a file an external snippet links since this change is reported at the link, with the public cards that include it", async () => {
    const repo = withSnippet("audience: external\n");
    const snippet = (links: string) => `---\nowner: "@ops"\nverify_by: 2027-06-30\naudience: external\n---\n\nCall the on-call line.\n\n${links}\n`;
    repo.git("switch", "-q", "main");
    repo.write({
      "content/help/form.pdf": "%PDF-1.4 form\n",
      "content/help/old.pdf": "%PDF-1.4 old\n",
      "content/help/shared.pdf": "%PDF-1.4 shared\n",
      "content/help/other.md": cardText({ title: "Other" }, "See [the shared form](shared.pdf).\n"),
      "content/_snippets/escalate.md": snippet("Keep [the old form](../help/old.pdf)."),
    });
    repo.commit("Files on main", "2026-10-03");
    repo.git("switch", "-q", "-C", "feature");
    // A new link to a file no public card published, one to a file a public card links, and the old link kept.
    repo.write({ "content/_snippets/escalate.md": snippet("Keep [the old form](../help/old.pdf).\nFill in [the form](../help/form.pdf), [the shared one](../help/shared.pdf).") });
    const found = await publishedFiles(repo);
    expect(found.map((f) => [f.file, f.line])).toEqual([["content/_snippets/escalate.md", 10]]);
    expect(found[0]!.message).toMatch(/publishes the file content\/help\/form\.pdf .*snippet "escalate".*content\/help\/uses\.md/);
    expect(found[0]!.message).not.toContain("content/ops/inside.md");
  });

  it("a snippet that was external already, or that no public card includes, publishes nothing", async () => {
    const repo = withSnippet("audience: external\n");
    repo.write({
      "content/_snippets/escalate.md": `---\nowner: "@ops"\nverify_by: 2027-06-30\naudience: external\n---\n\nCall the support line.\n`,
      "content/_snippets/unused.md": `---\nowner: "@ops"\nverify_by: 2027-06-30\naudience: external\n---\n\nUnused.\n`,
    });
    expect(await publishedFiles(repo)).toEqual([]);
  });
});
