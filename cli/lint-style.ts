/** The lint cache files, where `verity build` (which lints before building) finds them. */
export { LINT_CACHE_FILE, RUN_CACHE_FILE } from "../src/app/lint.ts";
