/** A static file server for a built site, on 127.0.0.1 and a free port, with a blank page for search runs. */
import { createServer, type Server } from "node:http";
import serveStatic_ from "serve-static";

/** An empty HTML page in a given language (`?lang=zh`): Pagefind picks its index by `<html lang>`. */
export const BLANK_PAGE = "/__bench_blank__";

export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  // The files are served by serve-static, as `verity preview` serves them.
  const serve = serveStatic_(root, { index: ["index.html"] });
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname === BLANK_PAGE) {
      const lang = (url.searchParams.get("lang") ?? "en").replace(/[^a-zA-Z-]/g, "");
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>search</title></head><body></body></html>`);
      return;
    }
    serve(request, response, () => response.writeHead(404, { "content-type": "text/plain" }).end("not found"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
