/**
 * The built-in prose rules shipped with Verity. Append each new rule here; `style-engine.ts`
 * registers the list once.
 */
import type { BuiltinProseRule } from "./builtin-rules.ts";
import { STYLE_GUIDE_RULES } from "./builtin/index.ts";

export const BUILTIN_RULE_LIST: BuiltinProseRule[] = [...STYLE_GUIDE_RULES];
