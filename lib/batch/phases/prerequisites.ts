// PREREQUISITES (docs/ARCHITECTURE.md, "The daily batch"): upsert factor definitions and stress scenarios from the registries. Every entry
// point (cron, admin, CLI, seed) runs it, so the database never lags the code.
import { FACTOR_LIST, factorProxySymbols } from "@/lib/factors/registry";
import type { Queryable } from "@/lib/db/pool";
import { SCENARIOS } from "@/lib/stress/scenarios";

export interface PrerequisitesResult {
  factorsUpserted: number;
  scenariosUpserted: number;
}

export async function upsertRegistries(db: Queryable): Promise<PrerequisitesResult> {
  const factors = await db.query(
    `INSERT INTO factor_definitions (key, display_name, kind, method, proxy, "window", min_obs, sort_order, updated_at)
     SELECT t.key::"FactorKey", t.display_name, t.kind, t.method, t.proxy, t.win, t.min_obs, t.sort_order, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[])
       AS t(key, display_name, kind, method, proxy, win, min_obs, sort_order)
     ON CONFLICT (key) DO UPDATE SET display_name = EXCLUDED.display_name, kind = EXCLUDED.kind, method = EXCLUDED.method,
       proxy = EXCLUDED.proxy, "window" = EXCLUDED."window", min_obs = EXCLUDED.min_obs, sort_order = EXCLUDED.sort_order, updated_at = now()`,
    [
      FACTOR_LIST.map((f) => f.key),
      FACTOR_LIST.map((f) => f.displayName),
      FACTOR_LIST.map((f) => f.kind),
      FACTOR_LIST.map((f) => f.method),
      FACTOR_LIST.map((f) => factorProxySymbols(f).join("-")),
      FACTOR_LIST.map((f) => f.window),
      FACTOR_LIST.map((f) => f.minObs),
      FACTOR_LIST.map((f) => f.sortOrder),
    ],
  );
  const scenarios = await db.query(
    `INSERT INTO stress_scenarios (key, name, category, description, shocks, built_in, updated_at)
     SELECT t.key, t.name, t.category, t.description, t.shocks::jsonb, true, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(key, name, category, description, shocks)
     ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category, description = EXCLUDED.description,
       shocks = EXCLUDED.shocks, built_in = true, updated_at = now()`,
    [
      SCENARIOS.map((s) => s.key),
      SCENARIOS.map((s) => s.name),
      SCENARIOS.map((s) => s.category),
      SCENARIOS.map((s) => s.description),
      SCENARIOS.map((s) => JSON.stringify(s.shocks)),
    ],
  );
  return { factorsUpserted: factors.rowCount ?? 0, scenariosUpserted: scenarios.rowCount ?? 0 };
}
