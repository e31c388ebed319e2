// GET /api/admin/freshness against the seeded bundled prices: every needed symbol is fresh on the
// data's last day, coverage is complete; a symbol whose last price is removed turns stale.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/admin/freshness/route";
import type { FreshnessResponse as FreshnessView } from "@/lib/contracts/admin-freshness";
import { getPool } from "@/lib/db/pool";
import { appRequest, routeParams, sessionCookie, useSeededDatabase } from "../helpers";

let admin: string;
let removed: { symbol: string; date: string; close: number; source: string } | undefined;

beforeAll(async () => {
  await useSeededDatabase();
  admin = await sessionCookie("admin@riskline.dev");
});

afterAll(async () => {
  if (removed) await getPool().query(`INSERT INTO prices (symbol, date, close, source) VALUES ($1, $2::date, $3, $4) ON CONFLICT DO NOTHING`, [removed.symbol, removed.date, removed.close, removed.source]);
});

const freshness = async (qs = "") => {
  const res = await GET(appRequest(`/api/admin/freshness${qs}`, { cookie: admin }), routeParams());
  expect(res.status).toBe(200);
  return (await res.json()) as FreshnessView;
};

describe("GET /api/admin/freshness", () => {
  it("reports each needed symbol against the as-of date and coverage of the last N trading days", async () => {
    const body = await freshness("?days=5");
    expect(body.asOf).toBe("2026-07-13");
    expect(body.coverage.map((c) => c.date)).toEqual(["2026-07-07", "2026-07-08", "2026-07-09", "2026-07-10", "2026-07-13"]);
    const spy = body.symbols.find((s) => s.symbol === "SPY");
    expect(spy).toMatchObject({ lastPriceDate: "2026-07-13", status: "fresh", daysBehind: 0, proxy: true });
    expect(body.symbols.some((s) => s.portfolios > 0 && !s.proxy)).toBe(true);
    expect(body.counts.fresh + body.counts.stale + body.counts.missing).toBe(body.symbols.length);
    for (const c of body.coverage) expect(c.requested).toBe(body.symbols.length);
  });

  it("marks a symbol without its last price stale, one trading day behind, and missing from that date's coverage", async () => {
    const { rows } = await getPool().query<{ symbol: string; date: string; close: number; source: string }>(
      `DELETE FROM prices WHERE symbol = 'SPY' AND date = '2026-07-13' RETURNING symbol, to_char(date, 'YYYY-MM-DD') AS date, close, source`,
    );
    removed = rows[0];
    const body = await freshness("?days=2");
    expect(body.symbols.find((s) => s.symbol === "SPY")).toMatchObject({ lastPriceDate: "2026-07-10", status: "stale", daysBehind: 1 });
    const last = body.coverage.at(-1)!;
    expect(last.date).toBe("2026-07-13");
    expect(last.missingSymbols).toContain("SPY");
    expect(last.received).toBe(last.requested - last.missingSymbols.length);
  });

  it("accepts an explicit trading-day as-of date", async () => {
    expect((await freshness("?asOf=2026-07-01&days=1")).coverage.map((c) => c.date)).toEqual(["2026-07-01"]);
  });

  it.each([
    ["days=0", "query.days"],
    ["days=251", "query.days"],
    ["asOf=2026-07-04", "query.asOf"],
    ["asOf=yesterday", "query.asOf"],
  ])("answers 422 for %s naming %s", async (qs, field) => {
    const res = await GET(appRequest(`/api/admin/freshness?${qs}`, { cookie: admin }), routeParams());
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { details: { fields: { field: string }[] } } };
    expect(body.error.details.fields.map((f) => f.field)).toContain(field);
  });
});
