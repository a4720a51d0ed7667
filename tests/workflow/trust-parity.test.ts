/** Full lint and `lint --changed` compute the trust score the same way, on the same tree. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lint } from "../../src/app/lint.ts";
import { cardText, createTempRepo, type TempRepo } from "./git-repo.ts";

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

describe("trust score parity", () => {
  it("is the same for a full lint and --changed, whatever the frontmatter looks like", async () => {
    const repo = createTempRepo();
    repos.push(repo);
    repo.write({
      "verity.config.yml": "minTrustScore: 0\n",
      "content/a/_collection.yml": "defaults:\n  owner: \"@team/a\"\n",
      "content/a/fine.md": cardText({ title: "Fine" }),
      // Expired but fails the schema: neither lint counts it.
      "content/a/broken.md": cardText({ title: "Broken", verify_by: "2020-01-01", colour: "red" }),
      // Expired, in a YAML flow mapping, owner from the collection: both lints count it.
      "content/a/flow.md": '---\n{title: Flow, audience: external, verify_by: 2020-01-01}\n---\n\nText.\n',
      // Expired, written with the verify-by alias and a quoted date.
      "content/a/alias.md": cardText({ title: "Alias", verify_by: "", "verify-by": "'2020-02-02'" }),
      // A draft does not count.
      "content/a/draft.md": cardText({ title: "Draft", verify_by: "2020-01-01", status: "draft" }),
    });
    // Not valid UTF-8 (a Latin-1 é): does not load, does not count.
    writeFileSync(path.join(repo.root, "content/a/latin1.md"), Buffer.from(cardText({ title: "Caf\u00e9", verify_by: "2020-01-01" }), "latin1"));
    repo.commit("Cards", "2026-10-01");
    repo.git("switch", "-q", "-c", "feature");
    repo.write({ "content/a/fine.md": cardText({ title: "Fine, edited" }) });
    repo.commit("Edit one card", "2026-11-01");

    const project = { cwd: repo.root, today: "2026-11-22" };
    const full = await lint({ project, cache: false });
    const changed = await lint({ project, cache: false, changed: "main" });
    expect(changed.changed?.changedFiles.map((f) => f.slice(repo.root.length))).toEqual(["/content/a/fine.md"]);
    expect(full.trust).toEqual({ score: 33.3, counted: 3, expired: 2, expiring: 0, verified: 1 });
    expect(changed.trust).toEqual(full.trust);
  });
});
