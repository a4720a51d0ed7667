/**
 * A collection whose cards were all removed while none of them was public was a page only the wiki
 * had (`/aurora-zq/`, with nothing of it on the help center). A public card's alias there, or under
 * it, would publish the collection's name on the help center, which the leak check cannot see (its
 * needles are today's cards); a collection that has cards today is decided by today's cards.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { refusedAliasMessage } from "../../src/core/site/redirects.ts";
import { withFormerCards } from "../../src/core/git/former-cards.ts";
import { hiddenPagesOf } from "../../src/core/site/file-audience.ts";
import { makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const card = (title: string, audience: string, body: string, extra = "") =>
  `---\ntitle: ${title}\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-01\n${extra}---\n\n${body}\n`;

/** What formerlyHiddenCards reads from git: the removed internal cards of aurora-zq and help, and their collections. */
const FORMER = new Map([
  ["/aurora-zq/plan/", "content/aurora-zq/plan.md"],
  ["/aurora-zq/", "content/aurora-zq/plan.md"],
  ["/help/vault-zq/", "content/help/vault-zq.md"],
  ["/help/", "content/help/vault-zq.md"],
]);

function project(files: Record<string, string>) {
  return loadProject({ cwd: makeProject({ "verity.config.yml": "minTrustScore: 0\n", ...files }), today: "2026-11-22" });
}

describe("a collection whose cards were all internal when they were removed", () => {
  it("takes no public redirect at or under its address; the wiki keeps them", () => {
    const refused: string[] = [];
    const loaded = project({
      "content/help/refunds.md": card("Refunds", "external", "Public steps.", 'aliases: ["/aurora-zq/", "/aurora-zq/roadmap/", "/help/old-refunds/"]\n'),
    });
    const built = prepareSites(loaded, ["public", "internal"], {
      history: { available: false, reason: "none" },
      formerlyHidden: FORMER,
      snapshotDir: `${loaded.root}/.snap`,
      onRefusedAlias: (alias) => refused.push(refusedAliasMessage(alias)),
    });
    expect(built.get("public")!.redirects.map((r) => r.from)).toEqual(["/help/old-refunds/"]);
    expect(built.get("internal")!.redirects.map((r) => r.from)).toEqual(["/aurora-zq/", "/aurora-zq/roadmap/", "/help/old-refunds/"]);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatch(/the alias \/aurora-zq\/ is not redirected on the public site: its address names the collection \/aurora-zq\/, whose cards were not public when they were removed/);
  });

  it("is a hidden collection for a public file's path, unless the collection has cards today", () => {
    const loaded = project({
      "content/help/refunds.md": card("Refunds", "external", "Public steps."),
      "content/Aurora-ZQ/notes.txt": "left behind\n",
    });
    const hidden = withFormerCards(hiddenPagesOf(loaded.index), FORMER, loaded.index);
    expect(hidden.isHiddenCollection("aurora-zq")).toBe(true);
    expect(hidden.isHiddenCollection("Aurora-ZQ")).toBe(true);
    expect(hidden.isHiddenCard("/aurora-zq/")).toBe(true);
    // help has a public card today: its page is public, and so is what lies under it.
    expect(hidden.isHiddenCollection("help")).toBe(false);
    expect(hidden.isHiddenCard("/help/")).toBe(false);
    expect(hidden.isHiddenCard("/help/vault-zq/")).toBe(true);
  });
});
