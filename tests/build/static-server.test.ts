/**
 * The preview server: directory URLs, the 404 page, MIME types, the base path, and no file outside
 * the site folder whatever the URL (encoded dots and slashes, double encoding, backslashes,
 * symbolic links out of the folder). A busy port is a usage error that suggests --port.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/build/static-server.ts";
import { makeTempDir, removeTemps, runCli } from "../helpers.ts";

let parent: string;
let site: string;
let server: StaticServer;
let wiki: StaticServer;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

beforeAll(async () => {
  parent = makeTempDir();
  site = path.join(parent, "public");
  write(path.join(site, "index.html"), "home page");
  write(path.join(site, "billing", "refunds", "index.html"), "refunds page");
  write(path.join(site, "404.html"), "the 404 page");
  write(path.join(site, "pagefind", "wasm.en.pagefind"), "index");
  write(path.join(site, "pagefind", "pagefind.js"), "export {}");
  write(path.join(site, "app.wasm"), "\0asm");
  write(path.join(site, "style.css"), "body{}");
  write(path.join(parent, "public-old", "x", "index.html"), "SIBLING SECRET");
  write(path.join(parent, "public-old", "secret.txt"), "SIBLING SECRET");
  write(path.join(parent, "outside", "secret.txt"), "SIBLING SECRET");
  symlinkSync(path.join(parent, "outside", "secret.txt"), path.join(site, "linked.txt"));
  symlinkSync(path.join(parent, "outside"), path.join(site, "linked-dir"));
  server = await serveStatic(site);
  wiki = await serveStatic(site, { base: "/wiki/" });
});

afterAll(async () => {
  await server.close();
  await wiki.close();
  removeTemps();
});

async function get(url: string): Promise<{ status: number; type: string | null; body: string; location: string | null }> {
  const response = await fetch(url, { redirect: "manual" });
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text(), location: response.headers.get("location") };
}

/** A GET with the path sent as it is (fetch would resolve `..` and `%2e%2e` before sending). */
function rawGet(port: number, rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: rawPath, headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the preview server and DNS rebinding", () => {
  it("answers only requests for this machine's loopback names, so a web page cannot read the wiki preview through a rebound host name", async () => {
    const rebound = await rawGet(wiki.port, "/wiki/billing/refunds/", { host: `rebind.attacker.example:${wiki.port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain("refunds page");
    expect(rebound.body).toMatch(/localhost or 127\.0\.0\.1/);
    for (const host of [`127.0.0.1:${wiki.port}`, `localhost:${wiki.port}`]) {
      expect((await rawGet(wiki.port, "/wiki/billing/refunds/", { host })).body).toBe("refunds page");
    }
  });
});

describe("the preview server", () => {
  it("serves index.html for directory URLs and redirects a directory URL without its slash", async () => {
    expect(await get(server.url)).toMatchObject({ status: 200, body: "home page" });
    expect(await get(`${server.url}billing/refunds/`)).toMatchObject({ status: 200, body: "refunds page" });
    const redirect = await get(`${server.url}billing/refunds`);
    expect(redirect.status).toBe(301);
    expect(redirect.location).toBe("/billing/refunds/");
  });

  it("answers a missing page with the site's 404 page and status 404", async () => {
    expect(await get(`${server.url}no/such/page/`)).toMatchObject({ status: 404, body: "the 404 page" });
  });

  it("sends the right MIME types, wasm included", async () => {
    expect((await get(`${server.url}app.wasm`)).type).toBe("application/wasm");
    expect((await get(`${server.url}style.css`)).type).toMatch(/^text\/css/);
    expect((await get(`${server.url}pagefind/pagefind.js`)).type).toMatch(/^(text|application)\/javascript/);
    expect((await get(server.url)).type).toMatch(/^text\/html/);
    expect((await get(`${server.url}pagefind/wasm.en.pagefind`)).status).toBe(200);
  });

  it("serves a site under its base path, and redirects within it", async () => {
    expect(await get(`${wiki.url}billing/refunds/`)).toMatchObject({ status: 200, body: "refunds page" });
    expect((await get(`${wiki.url}billing/refunds`)).location).toBe("/wiki/billing/refunds/");
    expect((await get(wiki.url.replace("/wiki/", "/billing/refunds/"))).status).toBe(404);
  });

  it.each([
    "/..%2fpublic-old/x/",
    "/..%2fpublic-old/secret.txt",
    "/%2e%2e/public-old/secret.txt",
    "/%2e%2e%2fpublic-old%2fsecret.txt",
    "/%252e%252e%252fpublic-old%252fsecret.txt",
    "/..%252fpublic-old/secret.txt",
    "/..%5cpublic-old%5csecret.txt",
    "/..\\public-old\\secret.txt",
    "/billing/..%2f..%2f..%2fpublic-old/secret.txt",
    "/linked.txt",
    "/linked-dir/secret.txt",
    "/%2e%2e",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/../public-old/secret.txt",
    "/..%c0%af",
  ])("serves nothing outside the site for %s", async (attempt) => {
    for (const [target, base] of [[server, ""], [wiki, "/wiki"]] as const) {
      const response = await rawGet(target.port, `${base}${attempt}`);
      expect(response.body).not.toContain("SIBLING SECRET");
      expect(response.status).toBeGreaterThanOrEqual(300);
    }
  });

  it("sends the headers the site's _headers file gives every path (CSP, nosniff), attachments included, and does not serve the file itself", async () => {
    const dir = path.join(parent, "with-headers");
    write(path.join(dir, "index.html"), "home page");
    write(path.join(dir, "_files", "help", "notes.txt"), "<script>window.__xss = 1</script>");
    write(path.join(dir, "_headers"), "/*\n  Content-Security-Policy: default-src 'self'; object-src 'none'\n  X-Content-Type-Options: nosniff\n\n/other/*\n  X-Other: 1\n");
    const withHeaders = await serveStatic(dir, { base: "/help/" });
    try {
      for (const url of [withHeaders.url, `${withHeaders.url}_files/help/notes.txt`, `${withHeaders.url}missing/`]) {
        const response = await fetch(url);
        expect(response.headers.get("content-security-policy")).toBe("default-src 'self'; object-src 'none'");
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
        expect(response.headers.get("x-other")).toBeNull();
      }
      expect((await get(`${withHeaders.url}_headers`)).status).toBe(404);
      // Spelled otherwise, the same file was served (200, the whole _headers file).
      for (const spelled of ["%5Fheaders", "%5fheaders", "/_headers", "%2F_headers", "_files/../_headers", "_h%65aders?x=1"]) {
        const response = await rawGet(withHeaders.port, `/help/${spelled}`);
        expect({ spelled, status: response.status }).toEqual({ spelled, status: 404 });
        expect(response.body).not.toContain("Content-Security-Policy");
      }
    } finally {
      await withHeaders.close();
    }
  });

  it("says a busy port is busy, suggests --port and exits 2", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const project = makeTempDir();
      write(path.join(project, "content", ".keep"), "");
      write(path.join(project, "dist", "public", "index.html"), "home");
      const result = await runCli(["preview", "--port", String(port)], { cwd: project });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).toContain("--port <n>");
      expect(result.stderr).not.toContain("internal error");
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
