// Embedded PostgreSQL for the zero-install default: PGlite (Postgres in WASM) served over TCP by
// pglite-socket, data kept in a local folder. It lives in the process that starts it: that process
// must stay up while the app uses it.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  url: string;
  stop: () => Promise<void>;
}

export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create(opts.dataDir ? { dataDir: opts.dataDir } : undefined);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: opts.port ?? 0, maxConnections: 50 });
  try {
    await server.start();
  } catch (e) {
    await db.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new Error(`Port ${opts.port} for the embedded database is in use: stop the other Riskline instance or set EMBEDDED_DB_PORT.`, { cause: e });
    }
    throw e;
  }
  const port = Number(server.getServerConn().split(":").pop());
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
