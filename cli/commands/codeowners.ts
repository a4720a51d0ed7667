/** `verity codeowners [--check]`: write .github/CODEOWNERS from the cards' owners, or check it. */
import path from "node:path";
import type { Command } from "commander";
import { createTwoFilesPatch } from "diff";
import { CODEOWNERS_FILE, codeownersLink, renderCodeowners } from "../../src/core/cards/codeowners.ts";
import { readTextFile } from "../../src/core/cards/safe-read.ts";
import { writeFileWhole } from "../../src/core/cards/safe-write.ts";
import { UsageError } from "../../src/core/errors.ts";
import { writeOrExplain } from "../output.ts";
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
      const link = codeownersLink(project.root);
      if (link) {
        throw new UsageError(
          `${displayPath(link, io.cwd)} is a symbolic link: verity codeowners neither reads nor writes ${shown} through one (GitHub does not read it either).`,
          `Replace the link with the real ${link.endsWith("CODEOWNERS") ? "file" : "folder"}, and find out who committed it.`,
        );
      }
      const read = readTextFile(file);
      // Its hand-written part is kept: a file that cannot be read as UTF-8 text is left as it is.
      if (read.kind === "problem") throw new UsageError(`${shown}:${read.line}: the file ${read.message}`);
      const existing = read.kind === "text" ? read.text : undefined;
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
      writeOrExplain(() => writeFileWhole(file, wanted), shown);
      const owners = new Set(project.cards.map((c) => c.data.owner.toLowerCase())).size;
      io.stdout(`Wrote ${shown}: ${project.cards.length} cards, ${owners} owners. Commit it, and turn on "Require review from Code Owners" for the main branch.\n`);
    });
}
