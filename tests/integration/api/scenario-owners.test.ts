// Custom stress scenarios per owner: a manager's scenario is theirs alone (never in another manager's
// library or results, keys unique per manager, out of another manager's reach), an admin's is shared
// with every book; each change recomputes the books that compute it; a quota bounds each user.
import { beforeAll, describe, expect, test } from "vitest";
import type { NextRequest } from "next/server";
import { DELETE, PATCH } from "@/app/api/scenarios/[key]/route";
import { GET, POST } from "@/app/api/scenarios/route";
import { GET as getStressDetail } from "@/app/api/portfolios/[id]/stress/[scenarioKey]/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { SCENARIO_QUOTA } from "@/lib/dal/scenarios";
import { getPool } from "@/lib/db/pool";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";

type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const AS_OF = "2026-07-13";

let hedge: string;
let ivy: string;
let admin: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
async function send(route: Route, path: string, init: { method?: string; body?: unknown; cookie: string }, params: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await route(appRequest(path, init), routeParams(params));
  return { status: res.status, body: await res.json() };
}

const oil = (key = "CUSTOM_OIL") => ({ key, name: "Oil shock", category: "market", description: "Market −8 %, rates +40 bp", shocks: { kind: "fixed", factors: { MARKET: -0.08 }, rateBp: 40 } });
const create = (cookie: string, body: unknown) => send(POST, "/api/scenarios", { method: "POST", body, cookie });
const list = async (cookie: string): Promise<{ key: string; scope: string; editable: boolean; name: string }[]> => (await send(GET, "/api/scenarios", { cookie })).body.scenarios;
const patch = (cookie: string, key: string, body: unknown) => send(PATCH, `/api/scenarios/${key}`, { method: "PATCH", body, cookie }, { key });
const remove = (cookie: string, key: string) => send(DELETE, `/api/scenarios/${key}`, { method: "DELETE", cookie }, { key });

async function stressKeys(portfolioId: string): Promise<string[]> {
  const { rows } = await getPool().query<{ scenario_key: string }>(`SELECT DISTINCT scenario_key FROM stress_results WHERE portfolio_id = $1 AND scenario_key LIKE 'CUSTOM_%'`, [portfolioId]);
  return rows.map((r) => r.scenario_key).sort();
}

const recomputeFrom = async (id: string) => (await getPool().query<{ r: string | null; i: string }>(`SELECT recompute_from AS r, inception_date AS i FROM portfolios WHERE id = $1`, [id])).rows[0]!;

let hedgeKey: string;
let ivyKey: string;

beforeAll(async () => {
  await useSeededDatabase();
  [hedge, ivy, admin] = await Promise.all([sessionCookie("hedgefund@riskline.dev"), sessionCookie("individual@riskline.dev"), sessionCookie("admin@riskline.dev")]);
  const a = await create(hedge, oil());
  const b = await create(ivy, oil());
  expect([a.status, b.status]).toEqual([201, 201]);
  [hedgeKey, ivyKey] = [a.body.scenario.key, b.body.scenario.key];
}, 300_000);

describe("a manager's own scenario", () => {
  test("two managers may both use a key: each is stored apart and listed only to its manager", async () => {
    expect(hedgeKey).not.toBe(ivyKey);
    expect(hedgeKey.startsWith("CUSTOM_OIL")).toBe(true);
    const hedgeList = (await list(hedge)).filter((s) => s.scope !== "built-in");
    expect(hedgeList).toEqual([expect.objectContaining({ key: hedgeKey, scope: "private", editable: true })]);
    expect((await list(ivy)).map((s) => s.key)).not.toContain(hedgeKey);
    // The response carries nobody's user id.
    expect(JSON.stringify(await list(ivy))).not.toMatch(/user-/);
  });

  test("marks its manager's books, and only theirs, for a recompute from inception", async () => {
    const hf = await recomputeFrom("demo-hedgefund");
    expect(hf.r).toBe(hf.i);
    const fo = await recomputeFrom("demo-fo-growth");
    expect(fo.r).toBeNull();
  });

  test("is computed for its manager's books only", async () => {
    const run = await runLocalBatch({ trigger: "CLI", asOfDate: AS_OF, portfolioIds: ["demo-hedgefund", "demo-individual"] });
    expect(run.status).toBe("SUCCEEDED");
    expect(await stressKeys("demo-hedgefund")).toEqual([hedgeKey]);
    expect(await stressKeys("demo-individual")).toEqual([ivyKey]);
    const ownDetail = await send(getStressDetail, `/api/portfolios/demo-hedgefund/stress/${hedgeKey}`, { cookie: hedge }, { id: "demo-hedgefund", scenarioKey: hedgeKey });
    expect(ownDetail.status).toBe(200);
    const other = await send(getStressDetail, `/api/portfolios/demo-individual/stress/${hedgeKey}`, { cookie: ivy }, { id: "demo-individual", scenarioKey: hedgeKey });
    expect(other.status).toBe(404);
  }, 300_000);

  test("is out of another manager's reach: edit and delete answer 404 and change nothing", async () => {
    expect((await patch(ivy, hedgeKey, { ...oil(), key: undefined, name: "Taken over" })).status).toBe(404);
    expect((await remove(ivy, hedgeKey)).status).toBe(404);
    expect((await list(hedge)).find((s) => s.key === hedgeKey)?.name).toBe("Oil shock");
  });

  test("is edited by its manager, which recomputes their books from inception", async () => {
    await getPool().query(`UPDATE portfolios SET recompute_from = NULL WHERE id = 'demo-hedgefund'`);
    const { key: _key, ...fields } = oil();
    const res = await patch(hedge, hedgeKey, { ...fields, name: "Oil shock, deeper", shocks: { kind: "fixed", factors: { MARKET: -0.12 } } });
    expect(res).toMatchObject({ status: 200, body: { scenario: { key: hedgeKey, name: "Oil shock, deeper" } } });
    const hf = await recomputeFrom("demo-hedgefund");
    expect(hf.r).toBe(hf.i);
    const bad = await patch(hedge, hedgeKey, { ...fields, shocks: { kind: "fixed", factors: {} } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain("body.shocks");
  });

  test("is deleted with its stored results", async () => {
    expect(await stressKeys("demo-individual")).toEqual([ivyKey]);
    expect((await remove(ivy, ivyKey)).body).toEqual({ deleted: ivyKey });
    expect(await stressKeys("demo-individual")).toEqual([]);
    expect((await list(ivy)).map((s) => s.key)).not.toContain(ivyKey);
  });
});

describe("an admin's scenario", () => {
  test("is shared with every book, listed to every manager, and only an admin may change it", async () => {
    const res = await create(admin, oil("CUSTOM_SHARED_OIL"));
    expect(res.body.scenario).toMatchObject({ key: "CUSTOM_SHARED_OIL", scope: "shared", editable: true });
    for (const cookie of [hedge, ivy]) {
      expect((await list(cookie)).find((s) => s.key === "CUSTOM_SHARED_OIL")).toMatchObject({ scope: "shared", editable: false });
    }
    expect((await patch(hedge, "CUSTOM_SHARED_OIL", { ...oil(), key: undefined })).status).toBe(403);
    expect((await remove(ivy, "CUSTOM_SHARED_OIL")).status).toBe(403);
    const fo = await recomputeFrom("demo-fo-growth");
    expect(fo.r).toBe(fo.i);
    // An admin sees managers' scenarios (to support them) but does not edit them.
    expect((await list(admin)).find((s) => s.key === hedgeKey)).toMatchObject({ scope: "private", editable: false });
  });

  test("built-in scenarios cannot be changed by anyone", async () => {
    expect((await remove(admin, "MARKET_CRASH")).status).toBe(403);
  });
});

describe("the quota", () => {
  test(`a user keeps at most ${SCENARIO_QUOTA} custom scenarios; one more is refused and nothing is written`, async () => {
    const hnw = await sessionCookie("hnw@riskline.dev");
    for (let i = 0; i < SCENARIO_QUOTA; i++) expect((await create(hnw, oil(`CUSTOM_Q${i}`))).status).toBe(201);
    const before = await getPool().query(`SELECT count(*)::int AS n FROM stress_scenarios`);
    const over = await create(hnw, oil("CUSTOM_ONE_MORE"));
    expect(over.status).toBe(422);
    expect(over.body.error.message).toContain(`${SCENARIO_QUOTA}`);
    expect((await getPool().query(`SELECT count(*)::int AS n FROM stress_scenarios`)).rows).toEqual(before.rows);
  });
});
