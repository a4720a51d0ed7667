/** A vocabulary's word lists in folders below it, as Vale's loadVocab walks the vocabulary's folder. */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeProject, removeTemps, runCli } from "../helpers.ts";
import { lintText, valeProject } from "./vale-project.ts";

afterEach(removeTemps);

describe("Vocab folders", () => {
  it("reads accept.txt and reject.txt in every folder below the vocabulary (OpenSearch's Vocab/OpenSearch/Words/accept.txt)", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nVocab = V\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = Vale\n",
      "styles/config/vocabularies/V/Words/accept.txt": "keystore\n",
      "styles/config/vocabularies/V/Products/Deep/accept.txt": "Lucene\n",
      "styles/config/vocabularies/V/Words/reject.txt": "simply\n",
    });
    const alerts = lintText(project, "The keystore lives in Lucene, and it simply is here.\n");
    expect(alerts.filter((a) => a.includes("Vale.Spelling"))).toEqual([]);
    expect(alerts.filter((a) => a.includes("Vale.Avoid"))).toEqual(["1:38:Vale.Avoid:Avoid using 'simply'."]);
  });

  it("reads the same in Vale 2's Vocab/ folder", () => {
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nVocab = V\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = Vale\n",
      "styles/Vocab/V/Acronyms/accept.txt": "Faiss\n",
    });
    expect(lintText(project, "We use Faiss here.\n").filter((a) => a.includes("Vale.Spelling"))).toEqual([]);
  });

  it("reads the lists in Go's filepath.Walk order: entries by name, a folder's lists where its name sorts (Words/ before accept.txt)", () => {
    // Vale.Terms keys a term by its lower case, so of `jumpstart` and `Jumpstart` the one read last is suggested.
    const project = valeProject({
      ".vale.ini": "StylesPath = styles\nVocab = V\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = Vale\n",
      "styles/config/vocabularies/V/accept.txt": "Jumpstart\n",
      "styles/config/vocabularies/V/Words/accept.txt": "jumpstart\n",
    });
    expect(lintText(project, "Use jumpstart and Jumpstart here.\n").filter((a) => a.includes("Vale.Terms"))).toEqual(["1:5:Vale.Terms:Use 'Jumpstart' instead of 'jumpstart'."]);
  });

  it("takes Vale 3's config/vocabularies/<Name> from any search folder before Vale 2's Vocab/<Name> (loadVocab knows only the first)", async () => {
    const home = makeProject({ "styles/Vocab/Team/accept.txt": "jumpstart\n" });
    const project = makeProject({
      ".vale.ini": "StylesPath = styles\nVocab = Team\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = Vale\n",
      "styles/config/vocabularies/Team/accept.txt": "Jumpstart\n",
      "a.md": "Use jumpstart here.\n",
    });
    const run = await runCli(["style", "--output=line", "a.md"], { cwd: project, env: { VALE_STYLES_PATH: path.join(home, "styles") } });
    expect(run.stdout).toBe("a.md:1:5:Vale.Terms:Use 'Jumpstart' instead of 'jumpstart'.\n");
  });
});
