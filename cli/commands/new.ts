/** `verity new <template> <collection>/<slug>`: scaffold a card from a template. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../src/core/errors.ts";
import { createFileWhole } from "../../src/core/cards/safe-write.ts";
import {
  checkNewCardValue,
  initialVerifyBy,
  loadTemplate,
  renderTemplate,
  scaffoldMismatch,
  resolveNewCardTarget,
  type NewCardValues,
} from "../../src/core/cards/scaffold.ts";
import type { CliIO } from "../io.ts";
import { cardAudience } from "../../src/core/site/audience.ts";
import type { Card } from "../../src/core/cards/load.ts";
import { getTemplateCatalogFor } from "../../src/core/style/builtin/template-catalog.ts";
import { resolveCardTargets } from "../card-targets.ts";
import { writeOrExplain } from "../output.ts";
import { displayPath } from "../reporters/paths.ts";
import type { RunState } from "../run-state.ts";

interface NewOptions {
  title?: string;
  owner?: string;
  audience?: string;
  lang?: string;
  description?: string;
  translate?: string;
}

type AskedField = "title" | "owner" | "audience";

const QUESTIONS: Record<AskedField, string> = {
  title: "Title (what the reader gets done, e.g. Refund a card payment): ",
  owner: 'Owner (GitHub handle such as "@acme/billing", or an email): ',
  audience: "Audience (external = public help center, internal = wiki only): ",
};

export function registerNew(program: Command, state: RunState): void {
  program
    .command("new")
    .description("create a card from a template, with its frontmatter filled in")
    .argument("<template>", "template name, e.g. how-to (the .md files in style-guide/templates/)")
    .argument("<collection/slug>", "where the card goes, e.g. billing/refund-a-payment")
    .option("--title <text>", "card title")
    .option("--owner <handle>", 'owner: "@user", "@org/team" or an email (default: the collection\'s)')
    .option("--audience <audience>", "internal or external (default: the template's, else the collection's)")
    .option("--lang <tag>", "language tag, e.g. ko (default: the collection's, else the configured lang)")
    .option("--description <text>", "one-sentence description (search snippet)")
    .option("--translate <card>", "the new card translates this card (its id or file): writes translation_of, takes its audience; needs --lang")
    .option("--today <date>", "start the review interval on this YYYY-MM-DD day")
    .action(async (templateName: string, spec: string, options: NewOptions, command: Command) => {
      const { io } = state;
      const project = state.openProject(command);
      const contentDir = path.resolve(project.root, project.config.contentDir);
      const template = loadTemplate(project.root, templateName);
      const target = resolveNewCardTarget(contentDir, spec, project.config.contentDir);
      const defaults = target.collectionInfo.defaults;
      const source = options.translate === undefined ? undefined : findSource(state, command, options.translate, options.lang);
      if (source && options.audience !== undefined && options.audience !== cardAudience(source)) {
        throw new UsageError(
          `--translate ${options.translate}: ${source.relPath} is ${cardAudience(source)}, and a translation has its source's audience (${options.audience} given).`,
          cardAudience(source) === "internal" ? "A translation of an internal card is never public: leave out --audience." : "Leave out --audience, or write a card of its own without --translate.",
        );
      }
      const values: Partial<Record<AskedField, string>> = {
        title: options.title,
        owner: options.owner ?? defaults.owner,
        // A translation has its source's audience (lint refuses any other).
        audience: options.audience ?? (source ? cardAudience(source) : undefined) ?? template.audience ?? defaults.audience,
      };
      const lang = options.lang ?? defaults.lang ?? project.config.lang;
      const given: [Parameters<typeof checkNewCardValue>[0], string | undefined][] = [
        ["title", values.title],
        ["owner", values.owner],
        ["audience", values.audience],
        ["lang", lang],
        ["description", options.description],
      ];
      for (const [field, value] of given) {
        if (value === undefined) continue;
        const problem = checkNewCardValue(field, value);
        if (problem) throw new UsageError(`--${field}: ${problem}`);
      }
      const missing = (Object.keys(QUESTIONS) as AskedField[]).filter((field) => values[field] === undefined);
      if (missing.length > 0) {
        if (!io.isInteractive || !io.prompt) {
          throw new UsageError(
            `Missing ${missing.map((f) => `--${f}`).join(", ")}: verity new asks for them only in a terminal.`,
            `Example: verity new ${templateName} ${spec} ${missing.map((f) => `--${f} ${EXAMPLES[f]}`).join(" ")}`,
          );
        }
        for (const field of missing) values[field] = await ask(io, field);
      }
      let description = options.description;
      if (description === undefined && io.isInteractive && io.prompt) {
        description = (await io.prompt("Description (one sentence for search results; Enter to skip): ")).trim() || undefined;
        const problem = description === undefined ? undefined : checkNewCardValue("description", description);
        if (problem) throw new UsageError(`description: ${problem}`);
      }
      const cardValues: NewCardValues = {
        title: values.title!.trim(),
        owner: values.owner!.trim(),
        audience: values.audience as NewCardValues["audience"],
        lang,
        verifyBy: initialVerifyBy(project.today, project.config, target.collectionInfo),
        description,
        translationOf: source?.id,
        sections: template.file ? getTemplateCatalogFor(template.file)?.templates.get(template.name)?.sections : undefined,
      };
      const text = renderTemplate(template, cardValues);
      const mismatch = scaffoldMismatch(target.file, text, cardValues);
      if (mismatch) {
        const from = template.file ? displayPath(template.file, io.cwd) : `the built-in template ${template.name}`;
        throw new UsageError(
          `${from} writes ${mismatch.field}: ${JSON.stringify(mismatch.written)} into the card, not the ${mismatch.field} asked for (${mismatch.asked}); nothing was written.`,
          `A template writes "{{${mismatch.field}}}" for ${mismatch.field}. Fix the template (and review who changed it), then run verity new again.`,
        );
      }
      const shown = displayPath(target.file, io.cwd);
      // A folder that cannot be made or written (a part of the path is a file, a read-only file system) says why.
      writeOrExplain(() => mkdirSync(path.dirname(target.file), { recursive: true }), shown);
      writeOrExplain(() => {
        try {
          createFileWhole(target.file, text);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
          throw new UsageError(`${shown} already exists; verity new never overwrites a card.`, "Pick another slug, or edit the existing card.");
        }
      }, shown);
      const slugName = target.slug.split("/").pop()!;
      io.stdout(
        `Created ${shown} (template ${template.name}, owner ${cardValues.owner}, ${cardValues.audience}, verify_by ${cardValues.verifyBy})\n\n` +
          `Next steps:\n` +
          `  1. Write the card: replace the <!-- hints --> and examples in ${shown}` +
          (description === undefined ? ', and add a line "description: <one sentence>" to the frontmatter' : "") +
          `.\n` +
          `  2. Check it:  verity lint ${shown}\n` +
          `  3. Open a pull request:\n` +
          `       git switch -c card/${slugName}\n` +
          `       git add ${shown}\n` +
          `       git commit -m "Add ${cardValues.title.replace(/"/g, "'")}"\n` +
          `       git push -u origin HEAD\n` +
          `     The owner (${cardValues.owner}) reviews it through CODEOWNERS; CI lints it on the pull request.\n`,
      );
    });
}

const EXAMPLES: Record<AskedField, string> = { title: '"Refund a card payment"', owner: '"@acme/billing"', audience: "external" };

async function ask(io: CliIO, field: AskedField): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = (await io.prompt!(QUESTIONS[field])).trim();
    const problem = checkNewCardValue(field, answer);
    if (!problem) return answer;
    io.stderr(`  ${problem}\n`);
  }
  throw new UsageError(`No valid ${field} after three tries.`, `Pass it as --${field}.`);
}

/** The card `--translate` names (an id or a file), checked: a source, in another language than `--lang`. */
function findSource(state: RunState, command: Command, spec: string, lang: string | undefined): Card {
  if (!lang) throw new UsageError("--translate needs --lang: the language of the translation.", `Example: verity new how-to billing/refunds-ko --translate ${spec} --lang ko`);
  const project = state.loadProject(command);
  const card = project.cards.find((c) => c.id === spec) ?? (/\.mdx?$/.test(spec) ? resolveCardTargets([spec], project, state.io.cwd)[0] : undefined);
  if (!card) throw new UsageError(`--translate ${spec}: there is no card with that id or file.`, "Give the source card's id (collection/slug, e.g. billing/refund-a-payment) or its file.");
  if (card.data.translation_of) {
    throw new UsageError(`--translate ${spec}: that card is itself a translation of ${card.data.translation_of}.`, `Translate the source: --translate ${card.data.translation_of}`);
  }
  if (card.lang === lang) throw new UsageError(`--translate ${spec}: that card is already in "${lang}".`, "Pass the translation's language with --lang, e.g. --lang ko.");
  return card;
}
