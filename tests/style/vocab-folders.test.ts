/** A vocabulary's word lists in folders below it, as Vale's loadVocab walks the vocabulary's folder. */
import { describe, expect, it } from "vitest";
import { lintText, valeProject } from "./vale-project.ts";

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
});
