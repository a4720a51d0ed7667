/** The style guide's built-in rules, in the order they are documented. */
import type { BuiltinProseRule } from "../builtin-rules.ts";
import { foreignMarkup } from "./foreign-markup.ts";
import { headingIncrement } from "./heading-increment.ts";
import { imageAlt } from "./image-alt.ts";
import { koreanSpeechLevel } from "./korean-speech-level.ts";
import { linkText } from "./link-text.ts";
import { sentenceLength } from "./sentence-length.ts";
import { templateStructure } from "./template-structure.ts";

export const STYLE_GUIDE_RULES: readonly BuiltinProseRule[] = [
  koreanSpeechLevel,
  sentenceLength,
  templateStructure,
  headingIncrement,
  imageAlt,
  linkText,
  foreignMarkup,
];
