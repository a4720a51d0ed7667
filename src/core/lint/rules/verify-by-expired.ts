/** `verify-by-expired`: a published card whose verify_by day has passed. */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { getCardVerification } from "../../verification/verification.ts";
import { ruleContext } from "../context.ts";
import { exampleCard, ruleMeta, type CardRule } from "../rule-model.ts";

const id = "verify-by-expired";

export const verifyByExpired: CardRule = {
  meta: ruleMeta(id, "`verify_by` has passed: the message gives the days overdue and the owner who should re-check the card (drafts are not checked).", { kind: "card" }),
  plugin: lintRule<Root>(`verity:${id}`, (_tree, file) => {
    const { card, policy } = ruleContext(file.data);
    if (card.data.status !== "published") return;
    const { status, daysLeft } = getCardVerification(card, policy);
    if (status !== "expired") return;
    const overdue = -daysLeft;
    file.message(
      `Verification expired ${overdue} ${overdue === 1 ? "day" : "days"} ago (verify_by ${card.data.verify_by}). ` +
        `${card.data.owner} should re-check the card, then run: verity verify ${card.relPath}`,
      { line: card.fieldLines.verify_by ?? card.fieldLines["verify-by"] ?? 1, column: 1 },
    );
  }) as CardRule["plugin"],
  examples: {
    valid: [
      { name: "verified card", files: { "content/a/card.md": exampleCard({ verify_by: "2099-01-01" }) } },
      { name: "expired draft", files: { "content/a/card.md": exampleCard({ verify_by: "2020-01-01", status: "draft" }) } },
    ],
    invalid: [{ name: "expired card", files: { "content/a/card.md": exampleCard({ verify_by: "2020-01-01" }) } }],
  },
};
