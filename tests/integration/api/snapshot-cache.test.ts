// An analytics answer is keyed by the snapshot it answers from: a weak ETag, 304 for a tag the browser
// already holds, the in-process cache answering repeats, and a new run of the day giving a new tag and
// the new figures (never the cached ones).
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOverview } from "@/app/api/portfolios/[id]/overview/route";
import { GET as getStress } from "@/app/api/portfolios/[id]/stress/route";
import { DELETE as deleteScenario } from "@/app/api/scenarios/[key]/route";
import { STRESS_PROXIES } from "@/lib/factors/registry";
import { GET as getVolatility } from "@/app/api/portfolios/[id]/volatility/route";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { getPool } from "@/lib/db/pool";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";

const HF = "demo-hedgefund";
const AS_OF = "2026-07-13";
let cookie: string;
let other: string;

beforeAll(async () => {
  await useSeededDatabase();
  [cookie, other] = await Promise.all([sessionCookie("hedgefund@riskline.dev"), sessionCookie("individual@riskline.dev")]);
}, 300_000);

const overview = (headers: Record<string, string> = {}, who = cookie, query = "") =>
  getOverview(appRequest(`/api/portfolios/${HF}/overview${query}`, { cookie: who, headers }), routeParams({ id: HF }));

describe("snapshot answers", () => {
  it("carry a weak ETag and private, no-cache; the same tag again is a 304 without a body", async () => {
    const first = await overview();
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"demo-hedgefund\.2026-07-13\./);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const body = await first.json();
    expect(body).toMatchObject({ available: true, asOfDate: AS_OF });

    const again = await overview({ "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);

    const repeat = await overview();
    expect(repeat.headers.get("etag")).toBe(etag);
    expect(await repeat.json()).toEqual(body);
  });

  it("a date has its own tag, and the latest answer's tag is that of the latest day", async () => {
    const latest = await overview();
    const dated = await overview({}, cookie, `?date=${AS_OF}`);
    expect(dated.headers.get("etag")).toBe(latest.headers.get("etag"));
    const earlier = await overview({}, cookie, "?date=2026-07-10");
    expect(earlier.headers.get("etag")).toMatch(/\.2026-07-10\./);
    expect((await earlier.json()).asOfDate).toBe("2026-07-10");
  });

  it("is still checked for ownership before anything is served: another manager gets 404", async () => {
    const res = await overview({}, other);
    expect(res.status).toBe(404);
    expect(res.headers.get("etag")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("deleting a custom scenario (which takes its stored results along) gives a new tag: the stress list no longer shows it", async () => {
    const pool = getPool();
    await pool.query(
      `INSERT INTO stress_scenarios (key, name, category, description, shocks, built_in, owner_id, updated_at)
       SELECT 'CUSTOM_CACHE_PROBE', 'Cache probe', 'market', 'x', '{"kind":"fixed","factors":{"MARKET":-0.1}}', false, id, now() FROM users WHERE email = 'hedgefund@riskline.dev'`,
    );
    await pool.query(
      `INSERT INTO stress_results (portfolio_id, date, scenario_key, direct_pnl, correlated_pnl, direct_pct, correlated_pct, new_nav, exceeds_nav, shocks, shock_given)
       VALUES ($1, $2, 'CUSTOM_CACHE_PROBE', -1, -1, 0, 0, 1, false, $3, $4)`,
      [HF, AS_OF, STRESS_PROXIES.map(() => -0.1), STRESS_PROXIES.map((p) => p === "SPY")],
    );
    const list = async () => getStress(appRequest(`/api/portfolios/${HF}/stress`, { cookie }), routeParams({ id: HF }));
    const before = await list();
    const keys = async (res: Response) => ((await res.json()) as { scenarios: { scenarioKey: string }[] }).scenarios.map((x) => x.scenarioKey);
    const etag = before.headers.get("etag");
    expect(await keys(before)).toContain("CUSTOM_CACHE_PROBE");
    const deleted = await deleteScenario(appRequest("/api/scenarios/CUSTOM_CACHE_PROBE", { method: "DELETE", cookie }), routeParams({ key: "CUSTOM_CACHE_PROBE" }));
    expect(deleted.status).toBeLessThan(300);
    const after = await list();
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(await keys(after)).not.toContain("CUSTOM_CACHE_PROBE");
  });

  it("a rerun of the day gives a new tag and the new figures, not the cached ones", async () => {
    const before = await getVolatility(appRequest(`/api/portfolios/${HF}/volatility`, { cookie }), routeParams({ id: HF }));
    const etag = before.headers.get("etag")!;
    const stored = await before.json();
    // A changed stored figure alone is not seen (the day was not rewritten)...
    await getPool().query(`UPDATE snapshots SET vol_21 = vol_21 * 2 WHERE portfolio_id = $1 AND date = $2`, [HF, AS_OF]);
    const cached = await getVolatility(appRequest(`/api/portfolios/${HF}/volatility`, { cookie }), routeParams({ id: HF }));
    expect((await cached.json()).vol21).toBe(stored.vol21);
    // ...a run that rewrites the day is: new tag, figures as the run stored them.
    const run = await runLocalBatch({ trigger: "CLI", portfolioIds: [HF], asOfDate: AS_OF, force: { from: AS_OF, to: AS_OF } });
    expect(run.status).toBe("SUCCEEDED");
    const after = await getVolatility(appRequest(`/api/portfolios/${HF}/volatility`, { cookie, headers: { "if-none-match": etag } }), routeParams({ id: HF }));
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    const { rows } = await getPool().query<{ vol_21: number }>(`SELECT vol_21 FROM snapshots WHERE portfolio_id = $1 AND date = $2`, [HF, AS_OF]);
    expect((await after.json()).vol21).toBe(rows[0]!.vol_21);
    expect(rows[0]!.vol_21).toBe(stored.vol21);
  }, 300_000);
});
