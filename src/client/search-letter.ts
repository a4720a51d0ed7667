/**
 * A question pasted from a customer's email keeps the letter around it: a greeting ("Hi team,", "Dear Lumen
 * support,"), pleasantries ("hope you're well") and a sign-off with a name, a title and a disclaimer ("Kind regards,
 * Tom Becker, Accounts. This email is confidential."). Their words name no topic, and read as words they were
 * corrected to ones the cards use (`dear` to "hear", `regards` to "records", `morning` to "meaning") and searched.
 * The letter is cut away here and the question inside it read (search-query.ts); a query that is all letter is kept.
 */

/** Forwarded or replied subjects: `RE: FW: invoice not received`. */
const SUBJECT_PREFIX = /^(?:(?:re|fw|fwd|aw|wg|sv)\s*:\s*)+/iu;

/** A greeting and whom it greets (up to three words), ended by punctuation: `Hi team,`, `Good morning,`, `Dear Lumen support,`. */
const GREETING = /^(?:hi|hiya|hello|hey|heya|dear|greetings|good\s+(?:morning|afternoon|evening|day))\b(?:\s+[^\s,.!?;:]+){0,3}\s*[,.!?;:\n]+\s*/iu;

/** Pleasantries that ask after the reader: `hope you're well`, `I hope this email finds you well`. */
const PLEASANTRY = /\b(?:i\s+)?hope\s+(?:you(?:'re|’re|\s+are)(?:\s+(?:doing|keeping))?(?:\s+all)?|this\s+(?:e-?mail|message|note)\s+finds\s+you|all\s+is)\s+(?:well|good|great)\b[\s,.!;]*/giu;

/**
 * A sign-off, at the start of a sentence, and everything after it (a name, a title, a company, a disclaimer):
 * `Thanks, Sarah`, `Many thanks, Anna`, `Kind regards`, `Best, Finance`, `Sent from my iPhone`, `-- Jo`.
 * A one-word sign-off (`thanks`, `best`, `cheers`) counts only when punctuation or the end follows it: `best way to refund`
 * is a question.
 */
const SIGN_OFF = new RegExp(
  "(?:(?:^|[.!?,;:\\n]\\s*)(?:regards|sincerely|cheers|best|thanks|thank\\s+you|thx|ty|br)(?=\\s*(?:[,.!\\n-]|$))" +
    "|(?:^|[\\s.!?,;:])(?:(?:kind|best|warm|warmest|many|with)\\s+(?:regards|wishes|thanks)|thanks\\s+in\\s+advance|thank\\s+you\\s+in\\s+advance|sent\\s+from\\s+my\\b|sent\\s+from\\s+(?:outlook|gmail|mail)\\b|--+))[\\s\\S]*$",
  "iu",
);

/** A mail disclaimer on its own: `This email and any attachments are confidential ...`. */
const DISCLAIMER = /\bthis\s+(?:e-?mail|message)\b[^.]*\b(?:confidential|intended\s+(?:only|solely))\b[\s\S]*$/iu;

/** The question inside a letter: the query without its greeting, pleasantries and sign-off; the query itself when nothing else is left. */
export function readLetter(query: string): string {
  if (!/\p{Script=Latin}/u.test(query)) return query;
  let text = query.replace(SUBJECT_PREFIX, "");
  const greeted = text.replace(GREETING, "");
  // A greeting that is the whole question ("hi, refund?") keeps what follows it; one without a question after it is the query.
  if (greeted.trim().length > 0) text = greeted;
  text = text.replace(PLEASANTRY, " ").replace(DISCLAIMER, "");
  const signed = text.replace(SIGN_OFF, "");
  if (/\p{L}/u.test(signed)) text = signed;
  const read = text.replace(/\s+/gu, " ").trim();
  return /\p{L}|\d/u.test(read) ? read : query;
}
