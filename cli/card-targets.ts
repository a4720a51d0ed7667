/** Card targets on the command line are resolved by the application layer. */
export { resolveCardTargets } from "../src/app/card-targets.ts";
