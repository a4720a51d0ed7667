/**
 * What an MDX card may hold beyond Markdown (see src/core/site/mdx-components.ts: MDX runs through
 * the built-in components as data, never as code).
 * `mdx-import`: an import from anywhere but the built-in set (`verity:components`) or the project's
 * `src/components/cards/`, an import of a name the set does not have, or an `export`.
 * `mdx-expression`: a `{expression}` in the text (never run, never shown) or an attribute value
 * that is not a plain literal (`{"text"}`, `{42}`, `{true}`); MDX comments `{/* ... *\/}` are fine.
 * `mdx-component`: a component that is neither built in nor imported from `src/components/cards/`.
 */
import path from "node:path";
import type { Nodes, Root } from "mdast";
import { lintRule } from "unified-lint-rule";
import { contentDirOfCard } from "../site/links.ts";
import type { Card } from "../cards/load.ts";
import { COMPONENT_MODULE, COMPONENT_NAMES, isCommentExpression, isComponentName, literalValue, PROJECT_COMPONENT_DIR } from "../site/mdx-components.ts";
import { forEachNode } from "../cards/tree-walk.ts";
import { ruleContext } from "./context.ts";

const ALLOWED = `the built-in components (${COMPONENT_NAMES.join(", ")}), always available and importable from "${COMPONENT_MODULE}", or a component file under ${PROJECT_COMPONENT_DIR}`;

interface EsmStatement {
  text: string;
  line: number;
  column: number;
}

/** The import/export statements of an ESM block, each at its line (statements start a line in MDX). */
function statements(value: string, line: number, column: number): EsmStatement[] {
  const found: EsmStatement[] = [];
  const lines = value.split("\n");
  let current: EsmStatement | undefined;
  lines.forEach((text, i) => {
    if (/^\s*(import|export)\b/.test(text)) {
      if (current) found.push(current);
      current = { text, line: line + i, column: i === 0 ? column : 1 };
    } else if (current) current.text += `\n${text}`;
  });
  if (current) found.push(current);
  return found;
}

/** Names a project component file under src/components/cards/ may give the card. */
function isProjectComponent(specifier: string, cardFile: string, projectRoot: string | undefined): boolean {
  if (!projectRoot || !/^\.{1,2}\//.test(specifier)) return false;
  const resolved = path.resolve(path.dirname(cardFile), specifier);
  const dir = path.join(projectRoot, PROJECT_COMPONENT_DIR);
  return resolved.startsWith(dir) && !resolved.slice(dir.length).split(path.sep).includes("..");
}

/** The names an import statement binds (`import A, { B as C } from` -> A, C, with what they import: default, B). */
function importedNames(statement: string): { local: string; imported: string }[] {
  const clause = /^\s*import\s+([\s\S]*?)\s+from\s/.exec(statement)?.[1] ?? "";
  const names: { local: string; imported: string }[] = [];
  const braces = /\{([^}]*)\}/.exec(clause);
  const outside = clause.replace(/\{[^}]*\}/, "").replace(/\*\s+as\s+(\w+)/, (_m, local: string) => {
    names.push({ local, imported: "*" });
    return "";
  });
  for (const part of outside.split(",")) if (part.trim()) names.push({ local: part.trim(), imported: "default" });
  for (const part of braces?.[1]?.split(",") ?? []) {
    const [imported, local] = part.split(/\s+as\s+/).map((s) => s.trim());
    if (imported) names.push({ local: local ?? imported, imported });
  }
  return names;
}

/** Local names the card imported from src/components/cards/ (they are allowed as components). */
function projectComponents(tree: Root, cardFile: string, projectRoot: string | undefined): Set<string> {
  const names = new Set<string>();
  forEachNode(tree, (node) => {
    if ((node.type as string) !== "mdxjsEsm") return;
    for (const statement of statements((node as { value: string }).value, 1, 1)) {
      const specifier = /\bfrom\s*["']([^"']*)["']/.exec(statement.text)?.[1];
      if (specifier && isProjectComponent(specifier, cardFile, projectRoot)) for (const { local } of importedNames(statement.text)) names.add(local);
    }
  });
  return names;
}

/** The MDX rules read the tree of MDX cards only (`readsTree`). */
export function readsMdxTree(card: Card): boolean {
  return card.format === "mdx";
}

export const mdxImport = lintRule<Root>("verity:mdx-import", (tree, file) => {
  const { card } = ruleContext(file.data);
  if (!readsMdxTree(card)) return;
  const contentDir = contentDirOfCard(card);
  const projectRoot = contentDir ? path.dirname(contentDir) : undefined;
  forEachNode(tree, (node) => {
    if ((node.type as string) !== "mdxjsEsm" || !node.position) return;
    for (const statement of statements((node as { value: string }).value, node.position.start.line, node.position.start.column)) {
      const place = { line: statement.line, column: statement.column };
      if (/^\s*export\b/.test(statement.text)) {
        file.message("An export runs code when the card is built, so cards cannot have one. Delete it; write values into the text or component attributes.", place);
        continue;
      }
      const specifier = /\bfrom\s*["']([^"']*)["']/.exec(statement.text)?.[1] ?? /^\s*import\s*["']([^"']*)["']/.exec(statement.text)?.[1];
      if (specifier === COMPONENT_MODULE) {
        const unknown = importedNames(statement.text).filter(({ imported }) => !isComponentName(imported));
        if (unknown.length > 0) file.message(`"${COMPONENT_MODULE}" has no ${unknown.map((n) => n.imported).join(", ")}. Cards may use ${ALLOWED}.`, place);
        continue;
      }
      if (specifier !== undefined && isProjectComponent(specifier, card.file, projectRoot)) continue;
      file.message(`Cards cannot import "${specifier ?? statement.text.trim().slice(0, 40)}": an import runs code when the card is built. Cards may use ${ALLOWED}.`, place);
    }
  });
});

export const mdxExpression = lintRule<Root>("verity:mdx-expression", (tree, file) => {
  const { card } = ruleContext(file.data);
  if (!readsMdxTree(card)) return;
  forEachNode(tree, (node: Nodes) => {
    const type = node.type as string;
    const place = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    if (type === "mdxFlowExpression" || type === "mdxTextExpression") {
      const value = (node as { value: string }).value;
      if (isCommentExpression(value)) return;
      file.message(`The expression {${shorten(value)}} is never run or shown: cards cannot compute text at build time. Write the text itself.`, place);
      return;
    }
    if (type !== "mdxJsxFlowElement" && type !== "mdxJsxTextElement") return;
    const element = node as unknown as { name: string | null; attributes: { type: string; name?: string; value?: unknown }[] };
    for (const attribute of element.attributes) {
      if (attribute.type === "mdxJsxExpressionAttribute") {
        file.message(`The spread attribute on <${element.name ?? ""}> is code, which cards cannot run. Write each attribute with a plain value.`, place);
        continue;
      }
      const value = attribute.value as { type?: string; value?: string } | string | null | undefined;
      if (value && typeof value === "object" && literalValue(value.value ?? "") === undefined) {
        file.message(
          `The attribute ${attribute.name ?? ""}={${shorten(value.value ?? "")}} on <${element.name ?? ""}> is code, which cards cannot run. Use a plain value: ${attribute.name ?? "name"}="text", {42} or {true}.`,
          place,
        );
      }
    }
  });
});

export const mdxComponent = lintRule<Root>("verity:mdx-component", (tree, file) => {
  const { card } = ruleContext(file.data);
  if (!readsMdxTree(card)) return;
  const contentDir = contentDirOfCard(card);
  const project = projectComponents(tree, card.file, contentDir ? path.dirname(contentDir) : undefined);
  forEachNode(tree, (node: Nodes) => {
    const type = node.type as string;
    if (type !== "mdxJsxFlowElement" && type !== "mdxJsxTextElement") return;
    const name = (node as unknown as { name: string | null }).name;
    if (name === null || /^[a-z][a-z0-9-]*$/.test(name) || isComponentName(name) || project.has(name)) return;
    file.message(`<${name}> is not a component cards can use; its content is shown without it. Cards may use ${ALLOWED}.`, {
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
    });
  });
});

function shorten(value: string): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > 40 ? `${flat.slice(0, 37)}…` : flat;
}
