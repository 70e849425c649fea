// The app's HTTP server: Next.js through its programmatic API (the same production build
// `next start` would serve), for what `next start` cannot do:
//   - tell route handlers, pages and server actions the connection's address: on EVERY
//     request the socket's remote address is written into CLIENT_ADDRESS_HEADER, over
//     anything the client sent under that name; lib/auth/client-address.ts decides from it,
//     X-Forwarded-For and TRUST_PROXY who the client is;
//   - answer a URL whose path has a malformed percent-escape (%FF, %C0%AF, a truncated "%E")
//     with a 400 (the API's JSON error under /api/) instead of the framework's plain-text 500.
// Run by the launchers (scripts/serve-next.ts) and the benchmark: PORT, and the app's
// environment (scripts/config.ts), come from them. With `--dev` (`npm run dev`) it serves
// Next's development server instead of the build: hot reload, same server around it.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER } from "../lib/auth/client-address";
import { runShutdownHooks } from "../lib/shutdown";

const port = Number(process.env.PORT ?? 3000);
const dev = process.argv.includes("--dev");
const app = next({ dev, dir: process.cwd(), port });
const handle = app.getRequestHandler();

/** Whether the path (not the query) of a request target has an escape that does not decode. */
function hasMalformedPath(url: string): boolean {
  const path = url.split("?", 1)[0] ?? "";
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

function refuseMalformed(req: IncomingMessage, res: ServerResponse) {
  const api = req.url!.startsWith("/api/");
  const message = "The URL is not valid: its path has a malformed percent-escape.";
  res.writeHead(400, {
    "Content-Type": api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(api ? JSON.stringify({ code: 400, message }) : message);
}

await app.prepare();
const server = createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  if (hasMalformedPath(req.url ?? "/")) return refuseMalformed(req, res);
  void handle(req, res);
});
server.listen(port, () => console.log(`Serving on port ${port}${dev ? " (development server: edits reload)" : ""}`));

// On SIGINT/SIGTERM: stop taking requests and run at once what the app registered to finish
// before exit (lib/shutdown.ts: the usage counts kept in memory; launchers and orchestrators may
// not wait long), then let requests in flight finish (up to 2 s), run the hooks again for what
// those added, and exit.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    const deadline = new Promise((resolve) => setTimeout(resolve, 2_000).unref());
    void runShutdownHooks({ keep: true })
      .then(() => Promise.race([closed, deadline]))
      .then(() => runShutdownHooks())
      .finally(() => process.exit(0));
  });
}
