// Sector exposure: gross and net exposure per bucket as a share of NAV. A stock's bucket is
// its GICS sector; an ETF's is whatever the symbol data gives (a GICS sector for sector ETFs, an asset
// class such as "US Equity" or "Fixed Income" for the others), "ETF" if it gives none; options count
// in their underlying's bucket; private holdings and unknown symbols go to "Unclassified".
// Definition and reference test: docs/METHODOLOGY.md, "Sector exposure".
import type { ReasonCode } from "@/lib/reason-codes";
import type { PositionValue } from "./position-exposure";

export const UNCLASSIFIED = "Unclassified";
export const ETF_BUCKET = "ETF";

/** What the engine needs to know of a symbol to bucket it: its asset type and its sector ("" for none). */
export interface SectorInfo {
  assetType: "STOCK" | "ETF";
  sector: string;
}

export type SectorLookup = ReadonlyMap<string, SectorInfo>;

export interface SectorBucket {
  sector: string;
  /** Σ |exposure| of the bucket's positions. */
  gross: number;
  /** Σ exposure. */
  net: number;
  /** As fractions of NAV (0.25 = 25 %); null when NAV ≤ 0. */
  grossOfNav: number | null;
  netOfNav: number | null;
  positions: number;
}

export type SectorExposure =
  | {
      available: true;
      /** Largest gross first; "Unclassified" last. */
      buckets: SectorBucket[];
      /** What "Unclassified" holds: private marks, and symbols absent from the symbol data. */
      unclassified: { privateGross: number; privateNet: number; unknownGross: number; unknownNet: number; unknownSymbols: string[] };
    }
  | { available: false; reason: ReasonCode; detail: string };

function bucketOf(value: PositionValue, lookup: SectorLookup): string {
  if (value.investmentClass === "PRIVATE") return UNCLASSIFIED;
  const info = lookup.get(value.riskSymbol);
  if (info === undefined) return UNCLASSIFIED;
  if (info.sector.trim() !== "") return info.sector;
  return info.assetType === "ETF" ? ETF_BUCKET : UNCLASSIFIED;
}

export function sectorExposure(values: readonly PositionValue[], lookup: SectorLookup, nav: number): SectorExposure {
  if (values.length === 0) return { available: false, reason: "NO_POSITIONS", detail: "no positions" };
  const buckets = new Map<string, SectorBucket>();
  const unclassified = { privateGross: 0, privateNet: 0, unknownGross: 0, unknownNet: 0, unknownSymbols: [] as string[] };
  const unknown = new Set<string>();
  for (const v of values) {
    const sector = bucketOf(v, lookup);
    let b = buckets.get(sector);
    if (b === undefined) {
      b = { sector, gross: 0, net: 0, grossOfNav: null, netOfNav: null, positions: 0 };
      buckets.set(sector, b);
    }
    b.gross += Math.abs(v.exposure);
    b.net += v.exposure;
    b.positions++;
    if (sector !== UNCLASSIFIED) continue;
    if (v.investmentClass === "PRIVATE") {
      unclassified.privateGross += Math.abs(v.exposure);
      unclassified.privateNet += v.exposure;
    } else {
      unclassified.unknownGross += Math.abs(v.exposure);
      unclassified.unknownNet += v.exposure;
      unknown.add(v.riskSymbol);
    }
  }
  unclassified.unknownSymbols = [...unknown].sort();
  const ordered = [...buckets.values()].sort(
    (a, b) => Number(a.sector === UNCLASSIFIED) - Number(b.sector === UNCLASSIFIED) || b.gross - a.gross || (a.sector < b.sector ? -1 : 1),
  );
  for (const b of ordered) {
    b.grossOfNav = nav > 0 ? b.gross / nav : null;
    b.netOfNav = nav > 0 ? b.net / nav : null;
  }
  return { available: true, buckets: ordered, unclassified };
}
