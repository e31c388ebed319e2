// FMP's company profile read into what Riskline lists of a symbol, and FMP's sector names mapped to ours.
import { describe, expect, it } from "vitest";
import { parseFmpProfile } from "@/lib/market-data/fmp-profile";
import { sectorFromFmp, VENDOR_ETF_SECTOR } from "@/lib/market-data/vendor-sectors";

const STABLE = {
  symbol: "RKLB",
  price: 21.3,
  companyName: "Rocket Lab USA, Inc.",
  currency: "USD",
  exchangeFullName: "NASDAQ Capital Market",
  exchange: "NASDAQ",
  industry: "Aerospace & Defense",
  sector: "Industrials",
  isEtf: false,
  isFund: false,
  isActivelyTrading: true,
};

describe("sectorFromFmp", () => {
  it.each([
    ["Technology", "Information Technology"],
    ["Healthcare", "Health Care"],
    ["Financial Services", "Financials"],
    ["Consumer Cyclical", "Consumer Discretionary"],
    ["Consumer Defensive", "Consumer Staples"],
    ["Communication Services", "Communication Services"],
    ["Industrials", "Industrials"],
    ["Energy", "Energy"],
    ["Basic Materials", "Materials"],
    ["Real Estate", "Real Estate"],
    ["Utilities", "Utilities"],
  ])("maps a stock in FMP's %s to GICS %s", (fmp, gics) => {
    expect(sectorFromFmp(fmp, false)).toBe(gics);
  });

  it("puts an ETF in US Equity whatever sector FMP gives it", () => {
    expect(sectorFromFmp("Financial Services", true)).toBe(VENDOR_ETF_SECTOR);
    expect(sectorFromFmp(null, true)).toBe("US Equity");
  });

  it("keeps an unmapped sector as FMP wrote it, and none as empty (Unclassified in the sector exposure)", () => {
    expect(sectorFromFmp(" Conglomerates ", false)).toBe("Conglomerates");
    expect(sectorFromFmp("", false)).toBe("");
    expect(sectorFromFmp(null, false)).toBe("");
  });
});

describe("parseFmpProfile", () => {
  it("reads a stable profile: name, short exchange, asset type and mapped sector", () => {
    expect(parseFmpProfile([STABLE], "RKLB")).toEqual({ symbol: "RKLB", name: "Rocket Lab USA, Inc.", exchange: "NASDAQ", assetType: "STOCK", sector: "Industrials" });
  });

  it("reads an ETF, and the legacy exchangeShortName over the full exchange name", () => {
    const legacy = { ...STABLE, symbol: "VXUS", companyName: "Vanguard Total International Stock ETF", exchange: "NASDAQ Global Market", exchangeShortName: "NASDAQ", isEtf: true, sector: "" };
    expect(parseFmpProfile([legacy], "VXUS")).toMatchObject({ exchange: "NASDAQ", assetType: "ETF", sector: "US Equity" });
  });

  it("answers null for a symbol FMP does not know (an empty array or object)", () => {
    expect(parseFmpProfile([], "ZZZZ")).toBeNull();
    expect(parseFmpProfile({}, "ZZZZ")).toBeNull();
  });

  it.each([
    ["not an array", { profile: STABLE }, /unexpected profile of RKLB: expected a JSON array/],
    ["no company name", [{ ...STABLE, companyName: "  " }], /item 0 companyName/],
    ["isEtf a string", [{ ...STABLE, isEtf: "false" }], /item 0 isEtf/],
    ["an item that is not an object", ["RKLB"], /item 0 itself/],
    ["another symbol's profile", [{ ...STABLE, symbol: "RKT" }], /it is for RKT/],
    ["no exchange", [{ ...STABLE, exchange: null }], /names no exchange/],
  ])("refuses a body with %s, naming the symbol and the problem", (_, body, message) => {
    expect(() => parseFmpProfile(body, "RKLB")).toThrow(message);
  });
});
