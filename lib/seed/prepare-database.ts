// Brings a database to a usable state: migrations, registries, bundled market data, demo accounts and
// portfolios. Idempotent: run at every start, it only does what is missing.
import type pg from "pg";
import { upsertRegistries } from "@/lib/batch/phases/prerequisites";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedMarketData } from "./seed-market-data";
import { seedDemoPortfolios, seedDemoUsers } from "./seed-demo";

export interface PrepareOptions {
  url: string;
  pool: pg.Pool;
  prisma: PrismaClient;
  demo: boolean;
  log?: (message: string) => void;
}

export async function prepareDatabase({ url, pool, prisma, demo, log = () => undefined }: PrepareOptions): Promise<void> {
  let t = performance.now();
  const lap = (what: string) => {
    log(`${what} (${Math.round(performance.now() - t)} ms)`);
    t = performance.now();
  };
  const applied = await applyMigrations(url, process.cwd(), log);
  lap(applied.length > 0 ? "migrations applied" : "no pending migrations");
  await upsertRegistries(pool);
  lap("factor and scenario registries upserted");
  const { rows } = await pool.query<{ n: string }>("SELECT count(*)::text AS n FROM prices WHERE source = 'file'");
  if (Number(rows[0]?.n ?? 0) === 0) {
    const seeded = await seedMarketData(pool);
    lap(`bundled market data loaded: ${seeded.symbols} symbols, ${seeded.prices} prices`);
  }
  if (demo) {
    await seedDemoUsers(prisma);
    const created = await seedDemoPortfolios(prisma);
    lap(`demo accounts ready, ${created} demo portfolios created`);
  }
}
