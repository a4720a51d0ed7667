/** The shape of a phrase bank: sentence templates by purpose, in one language and one register. */

export interface Bank {
  intro: readonly string[];
  prereq: readonly string[];
  step: readonly string[];
  result: readonly string[];
  note: readonly string[];
  /** Filler sentences that any section can carry; they bring a card to its word count. */
  detail: readonly string[];
  symptom: readonly string[];
  cause: readonly string[];
  fix: readonly string[];
  policy: readonly string[];
  appliesTo: readonly string[];
  exception: readonly string[];
  escalation: readonly string[];
  featureWhat: readonly string[];
  featureExplain: readonly string[];
  limit: readonly string[];
  faqQuestion: readonly string[];
  faqAnswer: readonly string[];
  callSummary: readonly string[];
  wentWell: readonly string[];
  improve: readonly string[];
  /** A sentence around `{link}`. */
  linkSentence: readonly string[];
  /** H2 headings a card may add after its template sections. */
  extraHeadings: readonly string[];
  limitsTable: { headers: readonly string[]; rows: readonly (readonly string[])[] };
  customerTable: { headers: readonly string[]; labels: readonly string[] };
  planTable: { headers: readonly string[]; values: readonly string[] };
  releaseDate: string;
  titles: { faq: string; policy: string; release: string; callReview: string };
}
