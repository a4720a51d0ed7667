/**
 * address-audience reads every text of an external card for addresses. Its pattern for a URL's scheme
 * (`[a-z][a-z0-9+.-]*://`) was tried at every word boundary and ran to the end of a run of letters,
 * digits and dots each time: 80 KB of `a.a.a…` with one slash took 40 s to lint, a card of 1 MB
 * (the card limit) hours, during which lint and the build stood still. A scheme is now at most 32
 * characters, so the scan is linear, and addresses are found as before.
 */
import { afterAll, describe, expect, it } from "vitest";
import { exampleCard } from "../../src/core/lint/rule-model.ts";
import { flatMessages, lintJson, makeProject, removeTemps } from "../helpers.ts";

afterAll(removeTemps);

describe("address-audience on a long run of letters and dots", () => {
  it("lints in seconds, and still finds the wiki's address written after such a run", async () => {
    const dir = makeProject({
      "verity.config.yml": "minTrustScore: 0\nsites:\n  internal:\n    url: https://wiki.acme.example\n",
      "content/a/storm.md": exampleCard({ audience: "external" }, `Intro /x/ and ${"a.".repeat(50_000)}b\n`),
      "content/a/named.md": exampleCard({ audience: "external" }, `See ${"a.".repeat(30)}https://wiki.acme.example/ops/runbook/ now.\n`),
    });
    const started = Date.now();
    const { results } = await lintJson(dir, ["--today", "2027-01-01", "--no-cache"]);
    expect(Date.now() - started).toBeLessThan(20_000);
    const named = flatMessages(results, dir).filter((m) => m.file === "content/a/named.md" && m.ruleId === "address-audience");
    expect(named).toHaveLength(1);
    expect(named[0]!.message).toContain("https://wiki.acme.example/ops/runbook/");
  });
});
