// CONCENTRATION: HHI, effective number of positions and top-3/top-10 shares of gross exposure (no NAV
// needed), and the sector buckets, whose shares of NAV exist only on a positive NAV.
import { concentration } from "@/lib/risk/concentration";
import type { PositionValue } from "@/lib/risk/position-exposure";
import { sectorExposure, type SectorLookup } from "@/lib/risk/sector";
import type { SnapshotReasons } from "@/lib/results/shapes";
import { nonFinite, ok, skip } from "./outcome";
import type { PhaseResult, SnapshotFigures } from "./types";

export interface ConcentrationInput {
  values: readonly PositionValue[];
  sectors: SectorLookup;
  nav: number;
}

export interface Concentration {
  concentration: SnapshotFigures["concentration"];
  sector: SnapshotFigures["sector"];
  reasons: SnapshotReasons;
}

const TOO_LARGE = "not a finite number, exposures too large to represent";

function sectorFigures(values: readonly PositionValue[], sectors: SectorLookup, nav: number, reasons: SnapshotReasons): SnapshotFigures["sector"] {
  const s = sectorExposure(values, sectors, nav);
  if (!s.available) {
    reasons.sector = { reason: s.reason, detail: s.detail };
    return null;
  }
  const { unclassified } = s;
  const bad = [
    ...s.buckets.flatMap((b) => nonFinite({ gross: b.gross, net: b.net, grossOfNav: b.grossOfNav, netOfNav: b.netOfNav }).map((f) => `${b.sector} ${f}`)),
    ...nonFinite({ privateGross: unclassified.privateGross, privateNet: unclassified.privateNet, unknownGross: unclassified.unknownGross, unknownNet: unclassified.unknownNet }),
  ];
  if (bad.length) {
    reasons.sector = { reason: "DEGENERATE_INPUT", detail: `${bad.join(", ")}: ${TOO_LARGE}` };
    return null;
  }
  if (!(nav > 0)) reasons.sector = { reason: "NAV_NOT_POSITIVE", detail: `NAV is ${nav}: sector shares of NAV need a positive NAV (dollar exposures are stored)` };
  return { buckets: s.buckets, unclassified };
}

export function concentrationPhase({ values, sectors, nav }: ConcentrationInput): PhaseResult<Concentration> {
  const reasons: SnapshotReasons = {};
  const sector = sectorFigures(values, sectors, nav, reasons);
  const c = concentration(values);
  if (!c.available) {
    reasons.concentration = { reason: c.reason, detail: c.detail };
    return { outcome: skip(c.reason, c.detail), value: { concentration: null, sector, reasons } };
  }
  const figures = { hhi: c.hhi, effectivePositions: c.effectivePositions, top3Share: c.top3Share, top10Share: c.top10Share };
  // Weights over a gross that overflowed are 0, finite but wrong: the gross is checked too.
  const bad = nonFinite({ gross: c.gross, ...figures });
  if (bad.length) {
    reasons.concentration = { reason: "DEGENERATE_INPUT", detail: `${bad.join(", ")}: ${TOO_LARGE}` };
    return { outcome: skip("DEGENERATE_INPUT", reasons.concentration.detail), value: { concentration: null, sector, reasons } };
  }
  return {
    outcome: ok({ symbols: c.weights.length, sectors: sector ? sector.buckets.length : 0 }),
    value: { concentration: figures, sector, reasons },
  };
}
