/** `verify-by-expiring`: a published card whose verify_by day is within the warning window. */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { getCardVerification } from "../../verification/verification.ts";
import { ruleContext } from "../context.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";

const id = "verify-by-expiring";

export const verifyByExpiring: CardRule = {
  meta: ruleMeta(id, "`verify_by` is within `warnDays` (default 14) days.", { kind: "card", defaultLevel: "warning" }),
  plugin: lintRule<Root>(`verity:${id}`, (_tree, file) => {
    const { card, policy } = ruleContext(file.data);
    if (card.data.status !== "published") return;
    const { status, daysLeft } = getCardVerification(card, policy);
    if (status !== "expiring") return;
    const when = daysLeft === 0 ? "today" : `in ${daysLeft} ${daysLeft === 1 ? "day" : "days"}`;
    file.message(
      `Verification expires ${when} (verify_by ${card.data.verify_by}). ` +
        `${card.data.owner} should re-check the card, then run: verity verify ${card.relPath}`,
      { line: card.fieldLines.verify_by ?? card.fieldLines["verify-by"] ?? 1, column: 1 },
    );
  }) as CardRule["plugin"],
  examples: {
    valid: [{ name: "far from its day", files: { "content/a/card.md": exampleCard({ verify_by: "2099-01-01" }) } }],
    invalid: [{ name: "due in five days", files: { "content/a/card.md": exampleCard({ verify_by: "2027-01-06" }) } }],
  },
};
