import "server-only";
// The stress-scenario library: the built-in registry, scenarios an admin shares with every book, and
// each manager's own (computed for their books only, seen by them and by admins, keys unique per
// manager). A change of a custom scenario recomputes every book that computes it, from inception.
import { createHash } from "node:crypto";
import { ApiError, invalidBodyField } from "@/lib/api/errors";
import {
  type CustomScenarioBody,
  scenarioDefinitionSchema,
  type ScenarioSummary,
  type ScenarioUpdateBody,
} from "@/lib/contracts/scenarios";
import { getPool } from "@/lib/db/pool";
import { getPrisma } from "@/lib/db/prisma";
import { STRESS_PROXIES } from "@/lib/factors/registry";
import type { ScenarioDefinition } from "@/lib/stress/scenarios";
import { portfolioChanged } from "@/lib/batch/recompute/portfolio-changed";
import type { SessionUser } from "./session";
import { parseStored } from "./stored-json";
import type { Tx } from "./results-stale";

/** How many custom scenarios one user may keep. */
export const SCENARIO_QUOTA = 20;

interface ScenarioRow {
  key: string;
  name: string;
  category: string;
  description: string;
  shocks: unknown;
  built_in: boolean;
  owner_id: string | null;
}

function summary(user: SessionUser, r: ScenarioRow): ScenarioSummary {
  const def = parseStored(scenarioDefinitionSchema, r, { table: "stress_scenarios", column: "shocks", key: { key: r.key } });
  const scope = r.built_in ? "built-in" : r.owner_id === null ? "shared" : "private";
  const editable = !r.built_in && (r.owner_id === null ? user.role === "ADMIN" : r.owner_id === user.id);
  return { ...def, builtIn: r.built_in, scope, editable };
}

/** The caller's library: built-in and shared scenarios and their own; an admin sees every one. */
export async function listScenarios(user: SessionUser): Promise<ScenarioSummary[]> {
  const { rows } = await getPool().query<ScenarioRow>(
    `SELECT key, name, category, description, shocks, built_in, owner_id FROM stress_scenarios
     WHERE owner_id IS NULL OR owner_id = $1 OR $2 ORDER BY built_in DESC, key`,
    [user.id, user.role === "ADMIN"],
  );
  return rows.map((r) => summary(user, r));
}

/** A manager's key is stored with a tag of its owner, so two managers may both use CUSTOM_OIL. */
function storedKey(user: SessionUser, key: string): string {
  if (user.role === "ADMIN") return key;
  const tag = createHash("sha256").update(user.id).digest("hex").slice(0, 8).toUpperCase();
  return `${key}__${tag}`;
}

/** A replay reads every stress proxy's close on both dates: refuse dates the price history lacks. */
async function assertReplayable(def: Pick<ScenarioDefinition, "shocks">): Promise<void> {
  if (def.shocks.kind !== "replay") return;
  for (const field of ["from", "to"] as const) {
    const date = def.shocks[field];
    const { rows } = await getPool().query<{ n: string }>(`SELECT count(*)::text AS n FROM prices WHERE date = $1::date AND symbol = ANY($2::text[])`, [date, [...STRESS_PROXIES]]);
    if (Number(rows[0]?.n) !== STRESS_PROXIES.length) {
      throw invalidBodyField(`shocks.${field}`, `${date} is not a date with closes of every factor proxy (${STRESS_PROXIES.join(", ")})`);
    }
  }
}

/**
 * Marks every book that computes a scenario of this owner (null: shared, every book) for a recompute
 * from inception; returns the active ones (an archived book keeps its mark until it is restored).
 */
async function markBooksStale(tx: Tx, ownerId: string | null): Promise<{ id: string; from: string }[]> {
  return tx.$queryRaw<{ id: string; from: string }[]>`WITH marked AS (UPDATE portfolios SET inputs_version = inputs_version + 1,
      recompute_from = LEAST(COALESCE(recompute_from, inception_date), inception_date)
      WHERE ${ownerId}::text IS NULL OR owner_id = ${ownerId} RETURNING id, inception_date, archived_at)
    SELECT id, to_char(inception_date, 'YYYY-MM-DD') AS "from" FROM marked WHERE archived_at IS NULL`;
}

/** A scenario change in one transaction, then the recompute of the books it touched. */
async function changeScenario<T>(ownerId: string | null, change: (tx: Tx) => Promise<T>): Promise<T> {
  const { result, books } = await getPrisma().$transaction(async (tx) => ({ result: await change(tx), books: await markBooksStale(tx, ownerId) }));
  for (const b of books) await portfolioChanged(b.id, b.from);
  return result;
}

export async function createScenario(user: SessionUser, def: CustomScenarioBody & ScenarioDefinition): Promise<ScenarioSummary> {
  await assertReplayable(def);
  const ownerId = user.role === "ADMIN" ? null : user.id;
  const row: ScenarioRow = { ...def, key: storedKey(user, def.key), built_in: false, owner_id: ownerId };
  return changeScenario(ownerId, async (tx) => {
    // The quota is counted under a lock of the creator's row, so two requests cannot both pass it.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${user.id} FOR UPDATE`;
    const counted = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM stress_scenarios WHERE created_by_id = ${user.id} AND built_in = false`;
    const n = counted[0]?.n ?? 0;
    if (n >= SCENARIO_QUOTA) {
      const message = `you keep ${n} custom scenarios, the most one user may keep; delete one first`;
      throw new ApiError("unprocessable_entity", `Invalid body: body: ${message}`, { fields: [{ field: "body", message }] });
    }
    const inserted = await tx.$executeRaw`INSERT INTO stress_scenarios (key, name, category, description, shocks, built_in, created_by_id, owner_id, updated_at)
      VALUES (${row.key}, ${def.name}, ${def.category}, ${def.description}, ${JSON.stringify(def.shocks)}::jsonb, false, ${user.id}, ${ownerId}, now())
      ON CONFLICT (key) DO NOTHING`;
    if (inserted !== 1) throw new ApiError("conflict", `Invalid body: body.key: you have a scenario with key ${def.key} already`, { fields: [{ field: "body.key", message: "is taken" }] });
    return summary(user, row);
  });
}

/** The scenario as the caller may change it: 404 when they cannot see it, 403 when they may not edit it. */
async function editableScenario(user: SessionUser, key: string): Promise<ScenarioRow> {
  const { rows } = await getPool().query<ScenarioRow>(`SELECT key, name, category, description, shocks, built_in, owner_id FROM stress_scenarios WHERE key = $1`, [key]);
  const row = rows[0];
  if (!row || (row.owner_id !== null && row.owner_id !== user.id && user.role !== "ADMIN")) throw new ApiError("not_found", `No scenario ${key}.`);
  if (!summary(user, row).editable) {
    throw new ApiError("forbidden", row.built_in ? `${key} is built in: it cannot be changed.` : `${key} is shared by an admin: only an admin can change it.`);
  }
  return row;
}

export async function updateScenario(user: SessionUser, key: string, def: ScenarioUpdateBody & Omit<ScenarioDefinition, "key">): Promise<ScenarioSummary> {
  const row = await editableScenario(user, key);
  await assertReplayable(def);
  return changeScenario(row.owner_id, async (tx) => {
    await tx.$executeRaw`UPDATE stress_scenarios SET name = ${def.name}, category = ${def.category}, description = ${def.description},
      shocks = ${JSON.stringify(def.shocks)}::jsonb, updated_at = now() WHERE key = ${key}`;
    return summary(user, { ...row, ...def, key });
  });
}

/** Deletes a custom scenario and, with it, every stored result of it (no recompute needed). */
export async function deleteScenario(user: SessionUser, key: string): Promise<void> {
  await editableScenario(user, key);
  await getPool().query(`DELETE FROM stress_scenarios WHERE key = $1 AND built_in = false`, [key]);
}
