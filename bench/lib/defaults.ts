/** Defaults shared by the generator and the benchmark: the same seed and day give the same corpus. */
export const DEFAULT_SEED = 42;
/** The day verify_by dates are spread around, passed to lint and build as --today. */
export const DEFAULT_TODAY = "2026-12-01";
