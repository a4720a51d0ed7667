/** What a card rule can read besides the tree: the card, the link index and the verification policy. */
import type { CardIndex } from "../site/links.ts";
import type { Card } from "../cards/load.ts";
import type { VerificationPolicy } from "../verification/verification.ts";

export interface CardRuleContext {
  card: Card;
  index: CardIndex;
  policy: VerificationPolicy;
  /** `internalTerms` of the configuration (the internal-wording rule). */
  internalTerms?: readonly string[];
}

declare module "vfile" {
  interface DataMap {
    verity: CardRuleContext;
  }
}

export function ruleContext(data: { verity?: CardRuleContext }): CardRuleContext {
  if (!data.verity) throw new Error("card rule run without file.data.verity");
  return data.verity;
}
