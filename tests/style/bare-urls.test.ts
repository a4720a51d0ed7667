/**
 * Bare URLs and email addresses as Vale reads them: goldmark's Linkify links a URL only when its
 * host ends in a dot and letters, and Vale stars a link's text only when it is its href.
 */
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps } from "../helpers.ts";
import { lintText, styleProject } from "./vale-project.ts";

afterEach(removeTemps);

const rule = (token: string) => `extends: existence\nmessage: "Found '%s'."\nnonword: true\ntokens:\n  - '${token}'\n`;

describe("bare URLs", () => {
  it("a URL goldmark links (a dotted host) is masked; one it does not link (localhost, an IP address) is text", () => {
    const project = styleProject({ Host: rule("localhost|127\\.0\\.0\\.1|example") });
    const text = "Open http://localhost:8000 or http://127.0.0.1:8080 in a browser.\n\nSee https://example.com and <http://localhost:3000>.\n";
    expect(lintText(project, text)).toEqual(["1:13:S.Host:Found 'localhost'.", "1:38:S.Host:Found '127.0.0.1'."]);
  });

  it("an email address is text, written bare or in angle brackets: its href is mailto:", () => {
    const project = styleProject({ Mail: rule("support@slip\\.so") });
    expect(lintText(project, "Write to support@slip.so or <support@slip.so>.\n")).toEqual(["1:10:S.Mail:Found 'support@slip.so'.", "1:30:S.Mail:Found 'support@slip.so'."]);
  });
});
