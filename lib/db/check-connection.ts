// Fails fast, with what to fix, when the configured database cannot be reached.
import pg from "pg";

export async function assertDatabaseReachable(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (e) {
    const where = (() => {
      try {
        const u = new URL(url);
        return `${u.hostname}:${u.port || 5432}${u.pathname}`;
      } catch {
        return "the configured address";
      }
    })();
    throw new Error(
      `Cannot reach PostgreSQL at ${where} (${(e as Error).message}). Check DATABASE_URL (host, port, database, credentials), start the server, or unset DATABASE_URL to use the embedded database.`,
      { cause: e },
    );
  } finally {
    // Closing a client whose connect failed may reject as well; the connect error above is the one to report.
    await client.end().catch(() => undefined);
  }
}
