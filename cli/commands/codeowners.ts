/** `verity codeowners [--check]`: write .github/CODEOWNERS from the cards' owners, or check it. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { createTwoFilesPatch } from "diff";
import { CODEOWNERS_FILE, renderCodeowners } from "../../src/core/cards/codeowners.ts";
import { displayPath } from "../reporters/paths.ts";
import type { RunState } from "../run-state.ts";

export function registerCodeowners(program: Command, state: RunState): void {
  program
    .command("codeowners")
    .description("write .github/CODEOWNERS so each card's owner reviews changes to it (keeps the hand-written part above the marker)")
    .option("--check", "do not write; exit 1 when the file is out of date, showing what differs")
    .action((options: { check?: boolean }, command: Command) => {
      const { io } = state;
      const project = state.loadProject(command);
      const file = path.join(project.root, CODEOWNERS_FILE);
      const shown = displayPath(file, io.cwd);
      const existing = existsSync(file) ? readFileSync(file, "utf8") : undefined;
      const contentDir = path.relative(project.root, project.contentDir).split(path.sep).join("/");
      const wanted = renderCodeowners(project.cards, project.collections, contentDir, existing);
      for (const problem of project.problems) {
        io.stderr(`warning: ${displayPath(problem.file, io.cwd)}:${problem.line}: ${problem.message} (its owner is not listed; run verity lint)\n`);
      }
      if (options.check) {
        if (existing === wanted) {
          io.stdout(`${shown} is up to date (${project.cards.length} cards).\n`);
          return;
        }
        const patch = createTwoFilesPatch(shown, `${shown} (expected)`, existing ?? "", wanted, undefined, undefined, { context: 1 });
        io.stdout(`${existing === undefined ? `${shown} does not exist.` : `${shown} is out of date.`} Differences:\n${patch.split("\n").slice(2).join("\n")}`);
        io.stderr(`verity: ${shown} does not match the cards' owners. Run "verity codeowners" and commit ${CODEOWNERS_FILE}.\n`);
        state.exitCode = 1;
        return;
      }
      if (existing === wanted) {
        io.stdout(`${shown} is already up to date (${project.cards.length} cards).\n`);
        return;
      }
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, wanted, "utf8");
      const owners = new Set(project.cards.map((c) => c.data.owner.toLowerCase())).size;
      io.stdout(`Wrote ${shown}: ${project.cards.length} cards, ${owners} owners. Commit it, and turn on "Require review from Code Owners" for the main branch.\n`);
    });
}
