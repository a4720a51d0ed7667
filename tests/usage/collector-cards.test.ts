/**
 * Which cards the collector takes events for on each site is the build's decision: the help
 * center's cards are the ones it builds, so an event naming a card it withholds is a card "the
 * public site does not show" (422), never accepted. The collector chose the public cards without
 * the build's selection, so it accepted, and answered 200 for, an external card filed under an
 * internal card's page (whose id names that internal card), an external translation of an internal
 * card, and an expired card `expiredPublicCards: withhold` keeps back.
 */
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { loadProject } from "../../src/core/project/project.ts";
import { checkUsageBatch } from "../../src/core/usage/events.ts";
import { getUsageCards, getUsageSiteRules } from "../../src/core/usage/sites.ts";
import { makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

const TODAY = "2027-01-01";

function project() {
  const root = makeProject({
    "verity.config.yml":
      "minTrustScore: 0\nexpiredPublicCards: withhold\nsites:\n  public:\n    url: https://help.acme.test\n    usage:\n      endpoint: https://help.acme.test/usage/events\n  internal:\n    url: https://wiki.acme.test\n    usage:\n      endpoint: https://wiki.acme.test/usage/events\n",
    "content/help/open.md": exampleCard({ title: "Open card", audience: "external" }),
    "content/help/escalation.md": exampleCard({ title: "Escalation to the Acme Corp war room" }),
    "content/help/escalation/steps.md": exampleCard({ title: "Steps", audience: "external" }),
    "content/help/takeover.md": exampleCard({ title: "Account takeover playbook" }),
    "content/help/takeover-ko.md": exampleCard({ title: "계정 탈취", audience: "external", lang: "ko", translation_of: "help/takeover" }),
    "content/help/stale.md": exampleCard({ title: "Stale card", audience: "external", verify_by: "2026-01-01" }),
  });
  return loadProject({ cwd: root, root, today: TODAY });
}

describe("the collector's public cards are the help center's", () => {
  const loaded = project();
  const rules = getUsageSiteRules(loaded);
  const withheld = ["help/escalation/steps", "help/takeover-ko", "help/stale"];

  it("leaves out the external cards the build withholds, and keeps every wiki card", () => {
    expect([...rules.get("public")!.cards].sort()).toEqual(["help/open"]);
    for (const id of [...withheld, "help/open", "help/escalation", "help/takeover"]) expect(rules.get("internal")!.cards.has(id)).toBe(true);
  });

  it("answers an event naming a withheld card as one naming no card: 422", () => {
    for (const card of withheld) {
      const checked = checkUsageBatch({ v: 1, site: "public", visit: "visit-0001", events: [{ type: "card_view", card }] }, rules);
      expect("problem" in checked && checked.problem.status).toBe(422);
    }
  });

  it("the usage report counts the same public cards", () => {
    expect(getUsageCards(loaded, ["public"]).map((card) => card.id)).toEqual(["help/open"]);
  });
});
