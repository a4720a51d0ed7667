/**
 * The card frontmatter contract: the only source of the card's types. Field messages name the
 * field, the value that was found and what is allowed.
 */
import { z } from "zod";
import { describeInvalidDate, parseInterval, toCalendarDate, type CalendarDate } from "../verification/calendar-date.ts";
import { describeValue } from "./schema-issues.ts";
import { aliasProblem } from "../site/reserved-paths.ts";

const OWNER = /^(@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9][\w.-]*)?|[^\s@#!"'<>,;:\\()[\]]+@[^\s@#!"'<>,;:\\()[\]]+\.[^\s@#!"'<>,;:\\()[\]]+)$/;
/** True when `owner` is a GitHub handle (`@user`, `@org/team`) or an email: nothing else may reach CODEOWNERS. */
export function isValidOwner(owner: string): boolean {
  return OWNER.test(owner);
}

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const ID = /^[a-z0-9][a-z0-9/_-]*$/;
const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_ -]*$/u;

/**
 * What no one-line text of a card may hold: control characters (a NUL, an escape, a line break
 * written as \n in a quoted value), the bidirectional embeddings, overrides and isolates that
 * reorder text on screen, the line and paragraph separators and the invisible tag characters.
 * Soft hyphens, joiners and the left-to-right and right-to-left marks stay allowed.
 */
const HIDDEN_CHAR = /[\p{Cc}\u202A-\u202E\u2066-\u2069\u2028\u2029\u{E0000}-\u{E007F}]/u;

/** One line of text a page shows: trimmed, not empty, without invisible control characters. */
export const nonEmptyText = (field: string, example: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined
        ? `Missing required field "${field}". Add it, e.g. ${field}: ${example}`
        : `"${field}" must be text, got ${describeValue(issue.input)}. Example: ${field}: ${example}`,
  })
    .trim()
    .min(1, { error: `"${field}" is empty. Example: ${field}: ${example}` })
    .superRefine((value, ctx) => {
      const hidden = HIDDEN_CHAR.exec(value);
      if (!hidden) return;
      const code = hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
      ctx.addIssue({
        code: "custom",
        message: `"${field}" holds an invisible control character (U+${code}, character ${hidden.index + 1}), which would reach the pages, search and assistants as written. Remove it (retype the text if you cannot see it).`,
      });
    });

const calendarDate = (field: string) =>
  z.unknown().transform((value, ctx): CalendarDate => {
    const date = toCalendarDate(value);
    if (date) return date;
    if (value === undefined) {
      ctx.addIssue({ code: "custom", message: `Missing required field "${field}". Add it, e.g. ${field}: 2027-03-31` });
      return z.NEVER;
    }
    const reason = typeof value === "string" ? describeInvalidDate(value) : `expected a date, got ${describeValue(value)}`;
    ctx.addIssue({
      code: "custom",
      message: `"${field}" is ${describeValue(value)}, which is not a calendar date: ${reason}. Write it as YYYY-MM-DD, e.g. ${field}: 2027-03-31`,
    });
    return z.NEVER;
  });

const list = (field: string, item: z.ZodType<string>, example: string) =>
  z.array(item, {
    error: (issue) =>
      `"${field}" must be a YAML list, got ${describeValue(issue.input)}. Write it as ${field}: ${example}` +
      (typeof issue.input === "string" && issue.input.includes(",") ? ` (a comma-separated string is one value, not a list)` : ""),
  });

export const AUDIENCES = ["internal", "external"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const FrontmatterSchema = z.strictObject({
  /** Card title, shown as the page heading and in search results. */
  title: nonEmptyText("title", "Refund a card payment"),
  /** Who keeps the card true: a GitHub user or team handle (`@org/team`) or an email. */
  owner: nonEmptyText("owner", '"@acme/billing"').regex(OWNER, {
    error: (issue) =>
      `"owner" is ${describeValue(issue.input)}, which is neither a GitHub handle nor an email. Use "@user", "@org/team" (quoted, since @ starts a YAML token) or name@example.com`,
  }),
  /** Who may read the card: `external` cards are published on the public help center. */
  audience: z.enum(AUDIENCES, {
    error: (issue) => {
      const input = issue.input;
      if (input === undefined) return `Missing required field "audience". Add audience: external (public help center) or audience: internal`;
      const lower = typeof input === "string" ? input.toLowerCase() : "";
      const hint =
        lower === "internal" || lower === "external"
          ? ` Write it in lowercase: audience: ${lower}`
          : ["public", "customer", "customers", "everyone"].includes(lower)
            ? ` Did you mean audience: external?`
            : ["private", "staff", "agents", "team"].includes(lower)
              ? ` Did you mean audience: internal?`
              : "";
      return `"audience" is ${describeValue(input)}; allowed values are internal and external.${hint}`;
    },
  }),
  /** Last day the card counts as verified (YYYY-MM-DD, in the configured time zone). */
  verify_by: calendarDate("verify_by"),
  /** Review interval used when the card is re-verified: `30d`, `12w`, `6m`, `1y`. */
  verify_every: z
    .string({ error: (issue) => `"verify_every" must be an interval such as 90d, got ${describeValue(issue.input)}` })
    .refine((value) => parseInterval(value) !== undefined, {
      error: (issue) => `"verify_every" is ${describeValue(issue.input)}; expected a number and a unit d, w, m or y, e.g. 90d, 12w, 6m, 1y`,
    })
    .optional(),
  /** One sentence: the meta description and search snippet. */
  description: nonEmptyText("description", "How to refund a card payment in full or in part.").optional(),
  /** Tags for filtering and related cards. */
  tags: list("tags", nonEmptyText("tags[]", "refunds").regex(TAG, { error: "tags may hold letters, digits, spaces, - and _" }), "[refunds, payments]").optional(),
  /** Words readers search for that the card's text does not use (synonyms, old names, error codes); indexed for search, never shown. */
  keywords: list("keywords", nonEmptyText("keywords[]", "money back"), "[money back, chargeback]").optional(),
  /** `draft` cards are never published. */
  status: z
    .enum(["draft", "published"], {
      error: (issue) => `"status" is ${describeValue(issue.input)}; allowed values are draft and published`,
    })
    .default("published"),
  /** Language tag such as `en`, `ko`, `zh`; defaults to the configured language. */
  lang: z.string().regex(LANG, { error: (issue) => `"lang" is ${describeValue(issue.input)}; expected a language tag such as en, ko, zh or ja` }).optional(),
  /** Stable id; defaults to `<collection>/<slug>`. */
  id: z.string().regex(ID, { error: (issue) => `"id" is ${describeValue(issue.input)}; use lowercase letters, digits, -, _ and /` }).optional(),
  /** Old URLs of this card, kept working as redirects. */
  aliases: list(
    "aliases",
    z
      .string()
      .regex(/^\/\S*$/, { error: (issue) => `each alias must be a site path starting with /, got ${describeValue(issue.input)}` })
      .superRefine((alias, ctx) => {
        const problem = aliasProblem(alias);
        if (problem) ctx.addIssue({ code: "custom", message: `${problem[0]!.toUpperCase()}${problem.slice(1)}. Example: aliases: [/billing/old-name/]` });
      }),
    "[/billing/old-name/]",
  ).optional(),
  /** Template the card follows, e.g. `how-to`; its required sections are checked. */
  template: z.string().regex(/^[a-z0-9-]+$/, { error: (issue) => `"template" is ${describeValue(issue.input)}; use a template name such as how-to` }).optional(),
  /** Id of the card's companion: an external card's internal notes for agents, or the public answer an internal card accompanies. */
  companion: z.string().regex(ID, { error: (issue) => `"companion" is ${describeValue(issue.input)}; write the id of the companion card, e.g. billing/refunds-agent-notes` }).optional(),
  /** Day of the last verification. */
  verified_on: calendarDate("verified_on").optional(),
  /** Who verified the card last. */
  verified_by: nonEmptyText("verified_by", '"@mina"').optional(),
  /** Id of the card this card translates (its source, in another language); see translations.ts. */
  translation_of: z.string().regex(ID, { error: (issue) => `"translation_of" is ${describeValue(issue.input)}; write the source card's id, e.g. translation_of: billing/refund-a-payment` }).optional(),
  /** Short git commit of the source card a translation was last checked against (written by `verity verify`). */
  source_revision: z.string().regex(/^[0-9a-f]{7,40}$/, { error: (issue) => `"source_revision" is ${describeValue(issue.input)}; expected a git commit hash such as 3f9c2ab (verity verify writes it)` }).optional(),
});

export type Frontmatter = z.output<typeof FrontmatterSchema>;
export const FRONTMATTER_KEYS = Object.keys(FrontmatterSchema.shape);

/** Accepted spellings of fields, renamed before validation (the left key is what authors may write). */
export const FIELD_ALIASES: Readonly<Record<string, string>> = { "verify-by": "verify_by" };
