import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FileMarketDataProvider } from "@/lib/market-data/file-provider";

function tempPriceFile(lines: string[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "prices-")), "prices.csv");
  writeFileSync(file, ["date,symbol,close", ...lines].join("\n"));
  return file;
}

describe("FileMarketDataProvider", () => {
  it("serves the bundled file: 120 symbols, last date 2026-07-13, inclusive ranges", async () => {
    const provider = new FileMarketDataProvider();
    expect(provider.name).toBe("file");
    expect(await provider.symbols()).toHaveLength(120);
    expect(await provider.dataEndDate()).toBe("2026-07-13");
    const { prices, errors } = await provider.fetchDailyCloses(["SPY", "AAPL"], "2026-07-06", "2026-07-10");
    expect(errors).toEqual([]);
    expect(prices.filter((p) => p.symbol === "SPY").map((p) => p.date)).toEqual(["2026-07-06", "2026-07-07", "2026-07-08", "2026-07-09", "2026-07-10"]);
    expect(prices).toHaveLength(10);
    expect(prices.every((p) => p.close > 0)).toBe(true);
  });

  it("reports unknown symbols as UNKNOWN_SYMBOL errors and still returns the others", async () => {
    const provider = new FileMarketDataProvider();
    const { prices, errors } = await provider.fetchDailyCloses(["NOPE", "SPY", "NOPE"], "2026-07-13", "2026-07-13");
    expect(prices.map((p) => p.symbol)).toEqual(["SPY"]);
    expect(errors).toEqual([{ symbol: "NOPE", code: "UNKNOWN_SYMBOL", message: expect.stringContaining("NOPE is not in the price file") }]);
  });

  it("returns nothing, without error, for a known symbol before its listing", async () => {
    const { prices, errors } = await new FileMarketDataProvider().fetchDailyCloses(["ABNB"], "2019-01-02", "2019-12-31");
    expect(prices).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("reads the file once and hands out copies", async () => {
    const file = tempPriceFile(["2026-07-09,AAA,10", "2026-07-10,AAA,11", "2026-07-08,AAA,9"]);
    const provider = new FileMarketDataProvider({ file });
    const first = await provider.fetchDailyCloses(["AAA"], "2026-07-01", "2026-07-31");
    expect(first.prices.map((p) => p.date)).toEqual(["2026-07-08", "2026-07-09", "2026-07-10"]);
    first.prices[0]!.close = -1;
    writeFileSync(file, "garbage"); // a second read would throw
    const second = await provider.fetchDailyCloses(["AAA"], "2026-07-08", "2026-07-08");
    expect(second.prices).toEqual([{ symbol: "AAA", date: "2026-07-08", close: 9 }]);
  });

  it("rejects a malformed range and fails clearly on a malformed file", async () => {
    const provider = new FileMarketDataProvider();
    await expect(provider.fetchDailyCloses(["SPY"], "2026-07-10", "2026-07-01")).rejects.toThrow(/from \(2026-07-10\) is after to/);
    await expect(provider.fetchDailyCloses(["SPY"], "2026/07/01", "2026-07-10")).rejects.toThrow(/from must be a YYYY-MM-DD date/);
    const bad = new FileMarketDataProvider({ file: tempPriceFile(["2026-07-09,AAA,abc"]) });
    await expect(bad.fetchDailyCloses(["AAA"], "2026-07-01", "2026-07-31")).rejects.toThrow(/line 2: close "abc"/);
  });
});
