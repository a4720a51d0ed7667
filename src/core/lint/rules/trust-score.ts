/** `trust-score`: the share of published cards that are not expired is under `minTrustScore`. */
import type { Finding } from "../findings.ts";
import type { TrustScore } from "../../verification/verification.ts";
import { exampleCard, ruleMeta, type Rule } from "../rule-model.ts";

const id = "trust-score";

export const trustScore: Rule & { check(trust: TrustScore, minTrustScore: number, file: string): Finding[] } = {
  meta: ruleMeta(id, "The trust score (share of published cards that are not expired) is under `minTrustScore`.", { kind: "project" }),
  check(trust, minTrustScore, file) {
    if (trust.score >= minTrustScore) return [];
    return [
      {
        ruleId: id,
        severity: "error",
        file,
        line: 1,
        column: 1,
        message:
          `Trust score is ${trust.score}%, under the floor of ${minTrustScore}% (minTrustScore): ` +
          `${trust.expired} of ${trust.counted} published cards are expired. Run "verity status --status expired" to see them.`,
      },
    ];
  },
  examples: {
    valid: [{ name: "every card verified", files: { "content/a/card.md": exampleCard() } }],
    invalid: [{ name: "the only card expired", files: { "content/a/card.md": exampleCard({ verify_by: "2020-01-01" }) } }],
  },
};
