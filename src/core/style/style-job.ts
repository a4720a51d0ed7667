/**
 * One card's style checks as plain data, so that a worker thread can run them (app/style-pool.ts):
 * kept apart from card-style.ts so that a worker loads only the style engine, not the lint rules.
 */
import { treeOf, type MarkdownFormat, type SerializedTree } from "../cards/markdown.ts";
import type { Finding } from "../lint/findings.ts";
import type { RuleLevel } from "../project/config.ts";
import { lintProse, type StyleOptions } from "./style-engine.ts";
import { matchPathFor, resolveValeSetup } from "./style-files.ts";
import { withSavedTranslations } from "./translation-cache.ts";

/** One card to check, as plain data. */
export interface StyleJob {
  file: string;
  source: string;
  format: MarkdownFormat;
  lang: string;
  frontmatter: Record<string, unknown>;
  /** The card's parse as the loader serialized it (`parseMarkdown` of `source` in `format`): not parsed again. */
  serialized?: SerializedTree | undefined;
}

export interface StyleWorkerSetup {
  root: string;
  builtinLevels: [string, RuleLevel][];
  lang: string;
  /** Where the rules' translated patterns are kept between runs (translation-cache.ts). */
  translationsFile?: string | undefined;
}

/** The style checks of a project root, set up once per thread: `(job) => findings`, as `compute` gives them. */
export function createStyleJobRunner(setup: StyleWorkerSetup): (job: StyleJob) => Finding[] {
  const vale = withSavedTranslations(setup.translationsFile, () => resolveValeSetup(setup.root, setup.root));
  const styleOptions: StyleOptions = { vale, builtinLevels: new Map(setup.builtinLevels), lang: setup.lang };
  return (job) => {
    const tree = job.serialized ? treeOf(job.serialized) : undefined;
    return lintProse({ file: job.file, source: job.source, format: job.format, tree, matchPath: matchPathFor(job.file, vale?.config), frontmatter: job.frontmatter }, { ...styleOptions, lang: job.lang });
  };
}

