/** `verify-by-expired` and `verify-by-expiring`: a card whose verification ran out, or soon will. */
import type { Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { getCardVerification } from "../verification.ts";
import { ruleContext } from "./context.ts";

export const verifyByExpired = lintRule<Root>("verity:verify-by-expired", (_tree, file) => {
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
});

export const verifyByExpiring = lintRule<Root>("verity:verify-by-expiring", (_tree, file) => {
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
});
