/**
 * Scale: cold lint and the build at every scale size (reusing the figures the lint and build
 * sections already measured on the same corpora), and the growth exponent k of time ~ count^k.
 */
import type { BenchContext } from "./context.ts";
import { findRow } from "./context.ts";
import { measureVerityBuild } from "./section-build.ts";
import { measureLint } from "./section-lint.ts";
import { fitGrowthExponent } from "./stats.ts";

export async function runScaleSection(ctx: BenchContext): Promise<void> {
  for (const size of ctx.options.scaleSizes) {
    if (!findRow(ctx, `lint-cold-${size}`)) await measureLint(ctx, size, { cached: false, floors: false, peers: false });
  }
  for (const size of ctx.options.scaleSizes) {
    if (!findRow(ctx, `build-verity-${size}`)) await measureVerityBuild(ctx, size);
  }
  for (const [name, prefix] of [["lint (cold)", "lint-cold"], ["build (both sites)", "build-verity"]] as const) {
    const points = ctx.options.scaleSizes.flatMap((count) => {
      const row = findRow(ctx, `${prefix}-${count}`);
      return row?.status === "ok" && row.wall ? [{ count, value: row.wall.median }] : [];
    });
    const fit = fitGrowthExponent(points);
    if (fit) ctx.growth[name] = { ...fit, points };
    else ctx.notes.push(`Growth of ${name}: not enough completed sizes to fit an exponent.`);
  }
}
