// `npm run serve` (and the last step of `npm start`): Next.js behind a plain HTTP server whose one job
// is the client address. Next keeps an X-Forwarded-For the client sent, so with `next start` anyone
// picks the address better-auth rate-limits sign-ins on; here every request's X-Forwarded-For is
// replaced by the socket address, after the forwarded chain only when TRUSTED_PROXIES is set
// (lib/http/forwarded-for.ts).
//   --dev   next dev instead of the production build (`npm run build` first otherwise)
// Reads PORT, HOST and TRUSTED_PROXIES like the app.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { env } from "@/lib/config/env";
import { forwardedFor } from "@/lib/http/forwarded-for";

const { values: args } = parseArgs({ options: { dev: { type: "boolean" } } });

async function main() {
  const { PORT, HOST, TRUSTED_PROXIES } = env();
  const app = next({ dev: Boolean(args.dev), dir: process.cwd(), hostname: HOST, port: PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    const xff = forwardedFor(req.headers["x-forwarded-for"], req.socket.remoteAddress, TRUSTED_PROXIES);
    if (xff === undefined) delete req.headers["x-forwarded-for"];
    else req.headers["x-forwarded-for"] = xff;
    void handle(req, res);
  });
  server.listen(PORT, HOST, () => console.log(`[riskline] serving on http://${HOST}:${PORT}`));
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.close(() => process.exit(0)));
}

main().catch((e: unknown) => {
  console.error(`[riskline] serve failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
