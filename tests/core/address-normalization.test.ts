/**
 * An address names a page whatever the Unicode form it is written in: `é` may be one code point (NFC,
 * as card URLs are) or `e` and a combining accent (NFD, as macOS writes names and some editors paste
 * them). A public redirect or file at an address that names an internal card's alias, or a card that
 * was internal when removed, in the other form, names that card all the same.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadProject } from "../../src/core/project/project.ts";
import { prepareSites } from "../../src/build/site-data.ts";
import { refusedAliasMessage } from "../../src/core/site/redirects.ts";
import { withFormerCards } from "../../src/core/git/former-cards.ts";
import { hiddenPagesOf } from "../../src/core/site/file-audience.ts";
import { makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const TODAY = "2026-11-22";
const card = (title: string, audience: string, body: string, extra = "") =>
  `---\ntitle: ${title}\nowner: "@acme/team"\naudience: ${audience}\nverify_by: 2099-01-01\n${extra}---\n\n${body}\n`;
const NFD = "cafe\u0301-override";
const NFC = "caf\u00e9-override";

function sites(files: Record<string, string>, refused: string[] = []) {
  const dir = makeProject({ "verity.config.yml": "minTrustScore: 0\n", ...files });
  const project = loadProject({ cwd: dir, today: TODAY });
  return {
    project,
    sites: prepareSites(project, ["public", "internal"], {
      history: { available: false, reason: "none" },
      snapshotDir: `${dir}/.snap`,
      onRefusedAlias: (alias) => refused.push(refusedAliasMessage(alias)),
    }),
  };
}

describe("aliases in another Unicode form", () => {
  it("a public alias at an internal card's alias written decomposed is refused on the help center", () => {
    const refused: string[] = [];
    const { sites: built } = sites(
      {
        "content/help/escalation.md": card("Escalation", "internal", "Internal steps.", `aliases: ["/help/${NFD}/"]\n`),
        "content/help/refunds.md": card("Refunds", "external", "Public steps.", `aliases: ["/help/${NFC}/", "/help/${NFC}/steps/"]\n`),
      },
      refused,
    );
    expect(built.get("public")!.redirects.map((r) => r.from)).toEqual([]);
    expect(refused).toHaveLength(2);
  });

  it("a removed internal card's address written decomposed is the same address composed", () => {
    const { project } = sites({ "content/help/refunds.md": card("Refunds", "external", "Public.") });
    const hidden = withFormerCards(hiddenPagesOf(project.index), new Map([[`/help/${NFD}/`, `content/help/${NFD}.md`]]), project.index);
    expect(hidden.isHiddenCard(`/help/${NFC}/`)).toBe(true);
    expect(hidden.isHiddenCard(`/help/${NFD}/`)).toBe(true);
  });
});
