/**
 * AsciiDoc files and `.vale.ini` attributes that try to make `verity style` read a file or the
 * network: Asciidoctor runs in its secure mode whatever the document or the configuration sets, so
 * nothing outside the file being checked is read and no request is made.
 */
import { writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeTemps, runCli } from "../helpers.ts";
import { fixtureCopy } from "./helpers.ts";

afterEach(removeTemps);

describe("AsciiDoc in secure mode", () => {
  it("reads no other file and makes no request, whatever the document and [asciidoctor] set", async () => {
    let requests = 0;
    const server = http.createServer((_, response) => {
      requests++;
      response.end("<svg><text>Netsecret leverage</text></svg>\n\nNetsecret leverage.\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ini = [
        "StylesPath = styles",
        "MinAlertLevel = suggestion",
        "[asciidoctor]",
        "allow-uri-read = YES",
        "data-uri = YES",
        "docinfo = shared,private",
        "max-include-depth = 64",
        "linkcss = NO",
        "[*.adoc]",
        "BasedOnStyles = Test",
        "",
      ].join("\n");
      const dir = fixtureCopy({ ".vale.ini": ini, "private/secret.adoc": "Filesecret leverage.\n", "private/secret.svg": "<svg><text>Filesecret leverage</text></svg>\n" });
      const secret = path.join(dir, "private");
      writeFileSync(path.join(dir, "docinfo.html"), "<p>Filesecret leverage.</p>\n");
      const page = [
        "= Page",
        ":allow-uri-read:",
        ":data-uri:",
        `:imagesdir: ${secret}`,
        ":leveloffset: +1",
        "",
        "Intro text.",
        "",
        "include::private/secret.adoc[]",
        "include::../page/private/secret.adoc[]",
        `include::${secret}/secret.adoc[]`,
        `include::${base}/remote.adoc[]`,
        "",
        "image::secret.svg[opts=inline]",
        `image::${secret}/secret.svg[opts=inline]`,
        `image::${base}/remote.svg[opts=inline]`,
        `image:${base}/inline.svg[opts=inline] and text.`,
        "",
        "[source,text]",
        "----",
        "include::private/secret.adoc[]",
        "----",
        "",
        "{docdir} {docfile} {user-home} {include}",
        "",
      ].join("\n");
      writeFileSync(path.join(dir, "page.adoc"), page);
      const result = await runCli(["style", "--output=JSON", "--no-global", "page.adoc"], { cwd: dir });
      expect(result.stdout + result.stderr).not.toMatch(/filesecret|netsecret/i);
      expect(result.stdout + result.stderr).not.toContain(dir + path.sep + "private" + path.sep + "secret.adoc:");
      expect(requests).toBe(0);
      expect(result.code).toBe(0);
    } finally {
      server.close();
    }
  });
});
