import "server-only";
// The stress-scenario library: the built-in registry plus custom scenarios users add. A new scenario
// is computed by the batch from then on; a forced rerun computes it for past dates.
import { ApiError } from "@/lib/api/errors";
import { scenarioDefinitionSchema, type ScenarioSummary } from "@/lib/contracts/scenarios";
import { getPool } from "@/lib/db/pool";
import { STRESS_PROXIES } from "@/lib/factors/registry";
import type { ScenarioDefinition } from "@/lib/stress/scenarios";
import type { SessionUser } from "./session";
import { parseStored } from "./stored-json";

export async function listScenarios(): Promise<ScenarioSummary[]> {
  const { rows } = await getPool().query<{ key: string; name: string; category: string; description: string; shocks: unknown; built_in: boolean; created_by_id: string | null }>(
    `SELECT key, name, category, description, shocks, built_in, created_by_id FROM stress_scenarios ORDER BY built_in DESC, key`,
  );
  return rows.map((r) => ({ ...parseStored(scenarioDefinitionSchema, r, { table: "stress_scenarios", column: "shocks", key: { key: r.key } }), builtIn: r.built_in, createdById: r.created_by_id }));
}

/** A replay reads every stress proxy's close on both dates: refuse dates the price history lacks. */
async function assertReplayable(def: ScenarioDefinition): Promise<void> {
  if (def.shocks.kind !== "replay") return;
  for (const field of ["from", "to"] as const) {
    const date = def.shocks[field];
    const { rows } = await getPool().query<{ n: string }>(`SELECT count(*)::text AS n FROM prices WHERE date = $1::date AND symbol = ANY($2::text[])`, [date, [...STRESS_PROXIES]]);
    if (Number(rows[0]?.n) !== STRESS_PROXIES.length) {
      throw new ApiError("unprocessable_entity", `body.shocks.${field}: ${date} is not a date with closes of every factor proxy (${STRESS_PROXIES.join(", ")})`);
    }
  }
}

export async function createScenario(user: SessionUser, def: ScenarioDefinition): Promise<ScenarioSummary> {
  await assertReplayable(def);
  const res = await getPool().query(
    `INSERT INTO stress_scenarios (key, name, category, description, shocks, built_in, created_by_id, updated_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, false, $6, now()) ON CONFLICT (key) DO NOTHING`,
    [def.key, def.name, def.category, def.description, JSON.stringify(def.shocks), user.id],
  );
  if (res.rowCount !== 1) throw new ApiError("conflict", `A scenario with key ${def.key} exists already.`);
  return { ...def, builtIn: false, createdById: user.id };
}
