// An older chunk of a long history that the vendor answers empty or cut short (issue 19, item 5) is
// reported as a coverage gap, not taken for "not listed yet"; through the local fake of FMP, whose
// history requests are cut into five-year chunks like the real client's. In the batch, the stored
// closes say what the vendor should cover: MARKET_DATA reports the stored dates it no longer sends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchMarketData } from "@/lib/batch/phases/market-data";
import { getPool } from "@/lib/db/pool";
import { dateChunks } from "@/lib/market-data/fmp-provider";
import { useSeededDatabase } from "../helpers";
import { startFakeFmp, type FakeFmp } from "./fake-fmp";
import { AS_OF } from "./reliability-helpers";

let fmp: FakeFmp;

beforeAll(async () => {
  await useSeededDatabase();
  fmp = await startFakeFmp();
});

afterAll(async () => {
  await fmp?.close();
});

const FROM = "2019-01-02";

describe("older chunks", () => {
  it("a full history has no coverage gap", async () => {
    fmp.faults.clear();
    const res = await fmp.provider({ timeoutMs: 5_000 }).fetchDailyCloses(["AAPL"], FROM, AS_OF);
    expect(res.errors).toEqual([]);
    expect(res.coverageGaps).toEqual([]);
    expect(res.prices[0]!.date).toBe(FROM);
  });

  it("an empty older chunk before a history that begins at the next chunk's start is reported", async () => {
    fmp.faults.set("AAPL", "emptyOlder");
    const res = await fmp.provider({ timeoutMs: 5_000 }).fetchDailyCloses(["AAPL"], FROM, AS_OF);
    expect(res.errors).toEqual([]);
    expect(res.coverageGaps).toEqual([{ symbol: "AAPL", from: FROM, to: "2024-01-02", kind: "empty", rows: 0, detail: expect.stringContaining("cut at the request boundary") }]);
  });

  it("older chunks cut to their newest month are reported, each after the first (which reads as a listing then)", async () => {
    fmp.faults.set("AAPL", "shortOlder");
    const res = await fmp.provider({ timeoutMs: 5_000, maxDaysPerRequest: 365 }).fetchDailyCloses(["AAPL"], FROM, AS_OF);
    expect(res.errors).toEqual([]);
    // The fake cuts the chunks that end more than a year before its newest close.
    const cut = dateChunks(FROM, AS_OF, 365).filter((c) => Date.parse(AS_OF) - Date.parse(c.to) > 365 * 86_400_000);
    expect(res.coverageGaps!.map((g) => ({ from: g.from, to: g.to, kind: g.kind, rows: g.rows }))).toEqual(cut.slice(1).map((c) => ({ ...c, kind: "short", rows: 21 })));
    expect(res.coverageGaps![0]!.detail).toMatch(/^the vendor sent closes only from 2020-1\d-\d\d\.\.2020-12-3\d for AAPL 2020-01-02\.\.2020-12-31 although it has closes before it/);
  });
});

describe("MARKET_DATA", () => {
  it("re-fetching a re-based history whose older chunk comes back empty reports the chunk and the stored dates left out", async () => {
    fmp.faults.clear();
    fmp.faults.set("AAPL", "emptyOlder");
    fmp.actions.set("AAPL", [{ kind: "split", date: AS_OF, ratio: 2 }]);
    await getPool().query(`DELETE FROM prices WHERE date >= $1`, [AS_OF]);
    const { outcome, value } = await fetchMarketData(getPool(), fmp.provider({ timeoutMs: 5_000 }), { symbols: ["AAPL"], firstDate: AS_OF, asOfDate: AS_OF });
    expect(value.failedSymbols).toEqual([]);
    expect(value.rebased.map((r) => r.symbol)).toEqual(["AAPL"]);
    expect(value.coverageGaps).toEqual([
      { symbol: "AAPL", from: FROM, to: "2024-01-02", kind: "empty", rows: 0, detail: expect.stringContaining("cut at the request boundary") },
      { symbol: "AAPL", from: FROM, to: AS_OF, kind: "short", rows: value.rebased[0]!.rowsWritten, detail: expect.stringMatching(/^the vendor sent no close for \d+ stored date\(s\) of AAPL \(2019-01-02\.\.2024-01-02\)/) },
    ]);
    expect(outcome.counts).toMatchObject({ coverageGaps: 2, symbolsRebased: 1 });
  });
});
