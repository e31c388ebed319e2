// A fresh bench database brought to the state `npm start` gives it (migrations, registries, bundled
// market data, demo accounts and portfolios). Seeding is not part of any measured time.
import pg from "pg";
import { createPrisma } from "@/lib/db/prisma";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { prepareDatabase } from "@/lib/seed/prepare-database";
import { createBenchDatabase, type BenchDatabase } from "./bench-database";

const TERMINATED_BY_ADMIN = "57P01";

export interface PreparedDatabase extends BenchDatabase {
  pool: pg.Pool;
  prisma: PrismaClient;
  close: () => Promise<void>;
}

export async function preparedDatabase(suffix: string, opts: { demo: boolean }): Promise<PreparedDatabase> {
  const db = await createBenchDatabase(suffix);
  const pool = new pg.Pool({ connectionString: db.url, max: 10 });
  const prisma = createPrisma(db.url);
  try {
    await prepareDatabase({ url: db.url, pool, prisma, demo: opts.demo });
  } catch (e) {
    await Promise.allSettled([pool.end(), prisma.$disconnect()]);
    await db.drop();
    throw e;
  }
  return {
    ...db,
    pool,
    prisma,
    close: async () => {
      // pg-pool's end() resolves before its sockets close; the forced drop below then terminates them,
      // which is expected here and not an error of the run.
      pool.on("error", (e: Error & { code?: string }) => {
        if (e.code !== TERMINATED_BY_ADMIN) throw e;
      });
      await Promise.allSettled([pool.end(), prisma.$disconnect()]);
      await db.drop();
    },
  };
}
