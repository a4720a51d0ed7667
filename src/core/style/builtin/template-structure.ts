/**
 * `template-structure`: a card with `template: <name>` has that template's required H2 sections,
 * in order (other H2 sections may sit between them), and the template's audience when it has one. The sections come from
 * style-guide/templates/templates.yml, the same definition `verity new` copies cards from.
 */
import { toString } from "mdast-util-to-string";
import type { Finding } from "../../lint/findings.ts";
import type { BuiltinProseRule, BuiltinRuleContext } from "../builtin-rules.ts";
import { guideLink } from "./guide-link.ts";
import { walkTree } from "../../cards/tree-walk.ts";
import { acceptedTitles, getTemplateCatalogFor, TEMPLATE_CATALOG_PATH, type TemplateCatalog, type TemplateSection } from "./template-catalog.ts";

interface H2 {
  text: string;
  start: number;
  end: number;
}

function normalise(text: string): string {
  return text.replace(/\s+/gu, " ").trim().toLowerCase();
}

/** Checks one card against a catalog; exported so it can run with a catalog other than the nearest one. */
export function checkTemplateStructure(ctx: BuiltinRuleContext, catalog: TemplateCatalog | undefined): Finding[] {
  const name = ctx.frontmatter?.template;
  if (name === undefined || name === null) return [];
  const field = /^template[ \t]*:/mu.exec(ctx.source.slice(0, ctx.bodyOffset));
  const fieldStart = field ? field.index : 0;
  const fieldEnd = field ? fieldStart + field[0].length : 0;
  if (!catalog) {
    return [ctx.report(fieldStart, fieldEnd, `This card names template "${String(name)}", but no ${TEMPLATE_CATALOG_PATH} was found in this folder or above it.`)];
  }
  const template = typeof name === "string" ? catalog.templates.get(name) : undefined;
  if (!template) {
    const known = [...catalog.templates.keys()].join(", ");
    return [ctx.report(fieldStart, fieldEnd, `Unknown template "${String(name)}". Known templates: ${known}. Fix the name or remove the template field.`)];
  }

  const findings: Finding[] = [];
  const audience = ctx.frontmatter?.audience;
  if (template.audience !== undefined && (audience === "internal" || audience === "external") && audience !== template.audience) {
    const line = /^audience[ \t]*:/mu.exec(ctx.source.slice(0, ctx.bodyOffset));
    const at = line ? line.index : fieldStart;
    findings.push(
      ctx.report(at, at + (line ? line[0].length : 0), `The ${template.name} template is for ${template.audience} cards, but this card has audience: ${audience}. Set audience: ${template.audience}, or use another template.`),
    );
  }

  const headings: H2[] = [];
  walkTree(ctx.tree, (node) => {
    if (node.type !== "heading" || node.depth !== 2) return;
    const start = node.position?.start.offset ?? 0;
    headings.push({ text: toString(node), start, end: node.position?.end.offset ?? start });
  });

  const order = template.sections.map((s) => s.title).join(", ");
  const matches = (heading: H2, section: TemplateSection): boolean => acceptedTitles(section, ctx.lang).some((t) => normalise(t) === normalise(heading.text));
  let cursor = 0;
  let lastFound: H2 | undefined;
  for (const section of template.sections) {
    const at = headings.findIndex((heading, i) => i >= cursor && matches(heading, section));
    if (at >= 0) {
      cursor = at + 1;
      lastFound = headings[at];
      continue;
    }
    const earlier = headings.findIndex((heading, i) => i < cursor && matches(heading, section));
    const titles = acceptedTitles(section, ctx.lang).map((t) => `"## ${t}"`).join(" or ");
    if (earlier >= 0) {
      const heading = headings[earlier]!;
      findings.push(
        ctx.report(heading.start, heading.end, `Section "## ${heading.text}" is out of order: the ${template.name} template puts its sections in this order: ${order}.`),
      );
    } else {
      const where = lastFound ?? { start: fieldStart, end: fieldEnd };
      findings.push(
        ctx.report(
          where.start,
          where.end,
          `Missing section ${titles}, required by the ${template.name} template (sections in order: ${order}). ` +
            `Add it${lastFound ? ` after "## ${lastFound.text}"` : ""}, or change the card's template.`,
        ),
      );
    }
  }
  return findings;
}

function check(ctx: BuiltinRuleContext): Finding[] {
  if (ctx.frontmatter?.template === undefined) return [];
  return checkTemplateStructure(ctx, getTemplateCatalogFor(ctx.file));
}

export const templateStructure: BuiltinProseRule = {
  id: "template-structure",
  description: "A card with `template: <name>` lacks that template's required H2 sections, has them out of order, has another audience than the template, or names an unknown template.",
  defaultLevel: "error",
  url: guideLink("card-types"),
  fixable: false,
  check,
};
