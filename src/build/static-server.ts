/**
 * A static file server for a built site, on 127.0.0.1, used by `verity preview` and the tests. The
 * serving is serve-static's (Express's; paths with `..` refused, MIME types, ETag and ranges):
 * directory URLs serve index.html, a directory URL without its trailing slash is redirected to it,
 * and anything not found gets the site's 404.html with status 404. The site is mounted at its base
 * path (e.g. `/wiki/`). Files reached through a symbolic link that leads out of the site are not
 * served, and only requests for the loopback names are answered (no DNS rebinding). Every answer
 * carries the headers the site's `_headers` file gives every path (`/*`: the CSP, nosniff), as a
 * host that reads the file sends them, so an attachment opened directly is as bound as on the host;
 * the file itself is not served (such hosts do not publish it).
 */
import { createReadStream, existsSync, readFileSync, realpathSync } from "node:fs";
import { realpath } from "node:fs/promises";
import { createServer, validateHeaderValue, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import createStaticHandler from "serve-static";
import { UsageError } from "../core/errors.ts";
import { hostOf, namesThisMachine } from "../core/loopback-host.ts";

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export type Request = IncomingMessage & { originalUrl?: string };

/** Answers a request for a file of the folder, or calls `next` when there is none (or it leads out). */
export type FolderHandler = (request: Request, response: ServerResponse, next: () => void) => void;

/**
 * The files of `root` as serve-static serves them, for a request whose `url` is already the path
 * inside the folder (the caller strips its mount path and keeps the full URL in `originalUrl`).
 */
export function serveFolder(root: string): FolderHandler {
  const serve = createStaticHandler(root, { index: ["index.html"], dotfiles: "ignore", redirect: true, fallthrough: true });
  return (request, response, next) => {
    insideRoot(root, request.url ?? "/").then(
      (inside) => (inside ? serve(request, response, next) : next()),
      () => next(),
    );
  };
}

/** Serves `dir` under `base` (e.g. `/help/`) on 127.0.0.1; port 0 picks a free one. */
export function serveStatic(dir: string, options: { port?: number; base?: string } = {}): Promise<StaticServer> {
  const root = realpathSync(path.resolve(dir));
  const base = options.base ?? "/";
  const serve = serveFolder(root);
  const headers = headersForEveryPath(root);
  const server: Server = createServer((request: Request, response) => {
    for (const [name, value] of headers) response.setHeader(name, value);
    // DNS rebinding (core/loopback-host.ts): a page posing as this machine would read the wiki preview.
    if (!namesThisMachine(request.headers.host)) {
      response.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
      response.end(`Forbidden: this preview answers requests for localhost or 127.0.0.1 only, not ${hostOf(request.headers.host)}.\n`);
      return;
    }
    const url = request.url ?? "/";
    if (!url.startsWith(base)) return notFound(root, response);
    // Mounted at base, as Express mounts it: serve-static reads the path from url and builds its
    // trailing-slash redirect from originalUrl, which keeps the base.
    request.originalUrl = url;
    request.url = `/${url.slice(base.length)}`;
    if (isHeadersFile(request.url)) return notFound(root, response);
    serve(request, response, () => notFound(root, response));
  });
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new UsageError(`Port ${options.port} on 127.0.0.1 is already in use (another preview, or another program).`, "Pass a free port with --port <n>, e.g. --port 4400, or stop the program that uses it."));
      } else if (error.code === "EACCES") {
        reject(new UsageError(`Not allowed to listen on port ${options.port}.`, "Ports below 1024 need privileges: pass --port <n> with n of 1024 or more."));
      } else reject(error);
    });
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}${base}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** The `Name: value` lines of the `/*` sections of `<root>/_headers` (the format of Netlify and Cloudflare Pages). */
function headersForEveryPath(root: string): [string, string][] {
  let text: string;
  try {
    text = readFileSync(path.join(root, "_headers"), "utf8");
  } catch {
    return [];
  }
  const headers: [string, string][] = [];
  let everyPath = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      everyPath = line.trim() === "/*";
      continue;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.*?)\s*$/.exec(line);
    if (!everyPath || !header) continue;
    try {
      validateHeaderValue(header[1]!, header[2]!);
      headers.push([header[1]!, header[2]!]);
    } catch {
      // A value no response may carry is left out, as a host would.
    }
  }
  return headers;
}

/**
 * False when the file a path names is reached through a symbolic link that leads out of `root`.
 * serve-static refuses `..` itself; it follows symbolic links, which a built site never has.
 */
async function insideRoot(root: string, urlPath: string): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0]!);
  } catch {
    return true; // serve-static answers malformed paths itself (400, shown as the 404 page)
  }
  let real: string;
  try {
    real = await realpath(path.join(root, decoded));
  } catch {
    return true; // nothing there: serve-static finds nothing either
  }
  const relative = path.relative(root, real);
  return relative === "" || (!relative.startsWith(`..${path.sep}`) && relative !== ".." && !path.isAbsolute(relative));
}

/**
 * True when a path inside the site names its `_headers` file, however it is spelled: serve-static
 * decodes percent escapes (`%5Fheaders`) and joins repeated slashes (`//_headers`) before it reads
 * the file, so the path is compared as it will read it.
 */
function isHeadersFile(urlPath: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  } catch {
    return false; // serve-static refuses a malformed path itself
  }
  return path.posix.normalize(`/${decoded.replace(/\\/g, "/")}`).replace(/\/+$/, "") === "/_headers";
}

function notFound(root: string, response: ServerResponse): void {
  const page = path.join(root, "404.html");
  response.writeHead(404, { "content-type": "text/html; charset=utf-8" });
  if (existsSync(page)) createReadStream(page).pipe(response);
  else response.end("Not found");
}
