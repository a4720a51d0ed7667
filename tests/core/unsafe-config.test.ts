/** Unsafe configuration is refused with the config file, the line and how to fix it. */
import { mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/core/project/config.ts";
import { ConfigError } from "../../src/core/errors.ts";
import { makeProject, makeTempDir, removeTemps, runCli } from "../helpers.ts";

afterAll(removeTemps);

function refused(yaml: string): string {
  const dir = makeProject({ "verity.config.yml": yaml, "content/a/.keep": "" });
  try {
    loadConfig(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${yaml}`);
}

describe("URLs in the configuration", () => {
  it.each([
    ["support:\n  url: javascript:alert(1)\n", 2],
    ["support:\n  url: data:text/html,x\n", 2],
    ["support:\n  url: //evil.example/\n", 2],
    ["feedback:\n  endpoint: javascript:alert(1)\n", 2],
    ["feedback:\n  endpoint: file:///etc/passwd\n", 2],
    ["repository:\n  url: javascript:alert(1)//github.com\n", 2],
    ["repository:\n  url: vbscript:x\n", 2],
    ["sites:\n  public:\n    url: javascript:alert(1)\n", 3],
    ["sites:\n  internal:\n    url: ftp://wiki.example.com\n", 3],
    ["sites:\n  public:\n    usage:\n      endpoint: javascript:alert(1)\n", 4],
    ["sites:\n  internal:\n    usage:\n      endpoint: data:text/plain,x\n", 4],
    ["collect:\n  allowedOrigins: [\"javascript:alert(1)\"]\n", 2],
  ])("refuses %j at its line", (yaml, line) => {
    const message = refused(yaml);
    expect(message).toContain(`verity.config.yml:${line}:`);
    expect(message).toMatch(/http\(s\)/);
  });

  it.each([
    ["support:\n  url: https://wiki.acme.example/ops/contact/\n", 5, "support.url"],
    ["feedback:\n  endpoint: https://WIKI.acme.example./votes\n", 5, "feedback.endpoint"],
    ["sites:\n  public:\n    usage:\n      endpoint: http://wiki.acme.example/events\n", 6, "sites.public.usage.endpoint"],
  ])("refuses %j, an address the help center shows or calls on the wiki's host, at its line", (yaml, line, key) => {
    const message = refused(`sites:\n  internal:\n    url: https://wiki.acme.example\n${yaml.replace("sites:\n", "")}`);
    expect(message).toContain(`verity.config.yml:${line}:`);
    expect(message).toContain(`"${key}"`);
    expect(message).toMatch(/wiki's host wiki\.acme\.example/);
  });

  it("accepts the wiki's host for the wiki's own usage endpoint, and both sites on one host", () => {
    const own = makeProject({ "verity.config.yml": "sites:\n  internal:\n    url: https://wiki.acme.example\n    usage:\n      endpoint: https://wiki.acme.example/events\n" });
    expect(loadConfig(own).config.sites.internal.usage?.endpoint).toBe("https://wiki.acme.example/events");
    const shared = makeProject({
      "verity.config.yml": "sites:\n  public:\n    url: https://acme.example\n    base: /help/\n  internal:\n    url: https://acme.example\n    base: /wiki/\nsupport:\n  url: https://acme.example/contact/\n",
    });
    expect(loadConfig(shared).config.support?.url).toBe("https://acme.example/contact/");
  });

  it("accepts http(s) and, for support, mailto", () => {
    const dir = makeProject({
      "verity.config.yml": "support:\n  url: mailto:help@example.com\nfeedback:\n  endpoint: https://f.example.com/x\nrepository:\n  url: https://github.com/a/b\n",
    });
    expect(loadConfig(dir).config.support?.url).toBe("mailto:help@example.com");
  });
});

describe("paths in the configuration", () => {
  it.each(['base: "/../../"', 'base: "/help/../"', 'base: "//evil.example/"', 'base: "/a\\\\b/"', 'base: "javascript:alert(1)/"', 'base: "/./"'])("refuses sites.public.%s", (base) => {
    const message = refused(`sites:\n  public:\n    ${base}\n`);
    expect(message).toContain("verity.config.yml:3:");
  });

  it("accepts / and /help/docs/", () => {
    const dir = makeProject({ "verity.config.yml": "sites:\n  public:\n    base: /help/docs/\n" });
    expect(loadConfig(dir).config.sites.public.base).toBe("/help/docs/");
  });

  it.each(["/etc", "../outside", "content/../../x", ".", "./", "C:/x"])("refuses contentDir: %s", (contentDir) => {
    expect(refused(`contentDir: "${contentDir}"\n`)).toContain("verity.config.yml:1:");
  });

  it("refuses a content folder that is a symbolic link out of the repository", async () => {
    const outside = makeTempDir();
    mkdirSync(path.join(outside, "cards"));
    const dir = makeProject({ "verity.config.yml": "contentDir: docs\n" });
    symlinkSync(path.join(outside, "cards"), path.join(dir, "docs"));
    expect(() => loadConfig(dir)).toThrow(/contentDir.*outside the repository/);
    const result = await runCli(["lint"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/verity\.config\.yml:1:/);
  });
});
