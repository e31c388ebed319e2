// GET/POST /api/scenarios — the stress-scenario library and custom scenarios (docs/METHODOLOGY.md, "Stress tests and scenarios").
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET, POST } from "@/app/api/scenarios/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { getPool } from "@/lib/db/pool";
import { SCENARIOS } from "@/lib/stress/scenarios";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";

let manager: string;
const post = (body: unknown, cookie = manager) => POST(appRequest("/api/scenarios", { method: "POST", cookie, body }), routeParams());

beforeAll(async () => {
  await useSeededDatabase();
  manager = await sessionCookie("hedgefund@riskline.dev");
  await getPool().query(`DELETE FROM stress_scenarios WHERE key LIKE 'CUSTOM_%'`);
}, 300_000);

// Other test files count stress results per built-in scenario in the shared database.
afterAll(async () => {
  await getPool().query(`DELETE FROM stress_scenarios WHERE key LIKE 'CUSTOM_%'`);
});

describe("GET /api/scenarios", () => {
  test("lists every built-in scenario of the registry", async () => {
    const res = await GET(appRequest("/api/scenarios", { cookie: manager }), routeParams());
    expect(res.status).toBe(200);
    const { scenarios } = (await res.json()) as { scenarios: { key: string; builtIn: boolean }[] };
    expect(scenarios.filter((s) => s.builtIn).map((s) => s.key).sort()).toEqual(SCENARIOS.map((s) => s.key).sort());
  });

  test("answers 401 without a session", async () => {
    expect((await GET(appRequest("/api/scenarios"), routeParams())).status).toBe(401);
  });
});

describe("POST /api/scenarios", () => {
  const oilShock = { key: "CUSTOM_OIL_SHOCK", name: "Oil shock", category: "market", description: "Market −8 %, rates +40 bp", shocks: { kind: "fixed", factors: { MARKET: -0.08 }, rateBp: 40 } };

  test("adds a custom scenario that the next batch computes with the same rules as the built-ins", async () => {
    const res = await post(oilShock);
    expect(res.status).toBe(201);
    const { scenario } = (await res.json()) as { scenario: { key: string; builtIn: boolean; scope: string } };
    expect(scenario).toMatchObject({ builtIn: false, scope: "private" });
    expect(scenario.key.startsWith("CUSTOM_OIL_SHOCK")).toBe(true);
    const run = await runLocalBatch({ trigger: "ADMIN", asOfDate: "2026-07-13", portfolioIds: ["demo-hedgefund"], force: { from: "2026-07-13", to: "2026-07-13" } });
    expect(run.status).toBe("SUCCEEDED");
    const { rows } = await getPool().query<{ direct_pnl: number; market: number; ir: number }>(
      `SELECT r.direct_pnl,
              (SELECT dollars FROM portfolio_factor_exposures WHERE portfolio_id = r.portfolio_id AND date = r.date AND factor = 'MARKET') AS market,
              (SELECT dollars FROM portfolio_factor_exposures WHERE portfolio_id = r.portfolio_id AND date = r.date AND factor = 'IR') AS ir
       FROM stress_results r WHERE r.portfolio_id = 'demo-hedgefund' AND r.date = '2026-07-13' AND r.scenario_key = $1`,
      [scenario.key],
    );
    expect(rows).toHaveLength(1);
    // Direct P&L: $_MARKET × −8 % plus $_IR × the TLT move of +40 bp (−17 × 0.004).
    expect(rows[0]!.direct_pnl).toBeCloseTo(rows[0]!.market * -0.08 + rows[0]!.ir * (-17 * 0.004), 6);
  });

  test("refuses a key taken already with 409", async () => {
    const res = await post(oilShock);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: "conflict" } });
  });

  test.each([
    [{ ...oilShock, key: "MARKET_CRASH" }, "body.key"],
    [{ ...oilShock, key: "CUSTOM_EMPTY", shocks: { kind: "fixed", factors: {} } }, "body.shocks"],
    [{ ...oilShock, key: "CUSTOM_BAD", shocks: { kind: "fixed", factors: { MARKET: -1.5 } } }, "body.shocks.factors.MARKET"],
    [{ ...oilShock, key: "CUSTOM_BAD", shocks: { kind: "fixed", factors: { INTEREST_RATE: 0.1 } } }, "body.shocks.factors"],
    [{ ...oilShock, key: "CUSTOM_BAD", category: "custom" }, "body.category"],
    [{ ...oilShock, key: "CUSTOM_WEEKEND", shocks: { kind: "replay", from: "2022-01-01", to: "2022-06-30" } }, "body.shocks.from"],
  ])("answers 422 naming the field for %j", async (body, field) => {
    const before = await getPool().query(`SELECT count(*) FROM stress_scenarios`);
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(field);
    expect((await getPool().query(`SELECT count(*) FROM stress_scenarios`)).rows).toEqual(before.rows);
  });
});
