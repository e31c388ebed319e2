// The rules a position must satisfy beyond each field's own type, shared by the CSV import and the
// position edit: a problem names the field it is about.
import { formatOccSymbol, parseOccSymbol } from "@/lib/risk/black-scholes";
import type { InvestmentClass, PositionType } from "@/lib/risk/position-exposure";
import { priceProblem, quantityProblem } from "@/lib/contracts/positions";

export const POSITION_SUBTYPES = [
  "STOCK",
  "ETF",
  "OPTION",
  "PRIVATE_EQUITY",
  "VENTURE_CAPITAL",
  "REAL_ESTATE",
  "PRIVATE_CREDIT",
  "HEDGE_FUND",
  "COLLECTIBLE",
  "OTHER",
] as const;

export type PositionSubtypeKey = (typeof POSITION_SUBTYPES)[number];

export interface PositionDraft {
  symbol: string;
  quantity: number;
  entryPrice: number;
  entryDate: string;
  exitPrice: number | null;
  exitDate: string | null;
  positionType: PositionType;
  investmentClass: InvestmentClass;
  subtype: PositionSubtypeKey;
  underlying: string | null;
  strike: number | null;
  expiry: string | null;
}

export type DraftField = keyof PositionDraft;
export interface DraftIssue {
  field: DraftField;
  message: string;
}

export const TYPES_BY_CLASS: Record<InvestmentClass, readonly PositionType[]> = {
  PUBLIC: ["LONG", "SHORT"],
  OPTIONS: ["LC", "LP", "SC", "SP"],
  PRIVATE: ["LONG"],
};

export const SUBTYPES_BY_CLASS: Record<InvestmentClass, readonly PositionSubtypeKey[]> = {
  PUBLIC: ["STOCK", "ETF"],
  OPTIONS: ["OPTION"],
  PRIVATE: ["PRIVATE_EQUITY", "VENTURE_CAPITAL", "REAL_ESTATE", "PRIVATE_CREDIT", "HEDGE_FUND", "COLLECTIBLE", "OTHER"],
};

export const SHORT_TYPES: readonly PositionType[] = ["SHORT", "SC", "SP"];

/** The subtype a row gets when the file leaves it empty. */
export function defaultSubtype(cls: InvestmentClass, assetType: "STOCK" | "ETF" | undefined): PositionSubtypeKey {
  if (cls === "OPTIONS") return "OPTION";
  if (cls === "PRIVATE") return "OTHER";
  return assetType ?? "STOCK";
}

export function checkPositionRules(d: PositionDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const add = (field: DraftField, message: string) => issues.push({ field, message });

  if (!TYPES_BY_CLASS[d.investmentClass].includes(d.positionType)) {
    add("positionType", `${d.positionType} is not a type of a ${d.investmentClass} position (expected ${TYPES_BY_CLASS[d.investmentClass].join(" or ")})`);
  }
  if (!SUBTYPES_BY_CLASS[d.investmentClass].includes(d.subtype)) {
    add("subtype", `${d.subtype} is not a subtype of a ${d.investmentClass} position (expected ${SUBTYPES_BY_CLASS[d.investmentClass].join(", ")})`);
  }
  const short = SHORT_TYPES.includes(d.positionType);
  const quantity = quantityProblem(d.quantity);
  if (quantity) add("quantity", quantity);
  else if (d.quantity === 0) add("quantity", "must not be zero");
  else if (short && d.quantity > 0) add("quantity", `must be negative for a ${d.positionType} position`);
  else if (!short && d.quantity < 0) add("quantity", `must be positive for a ${d.positionType} position`);

  const entryPrice = priceProblem(d.entryPrice);
  if (entryPrice) add("entryPrice", entryPrice);
  const exitPrice = d.exitPrice === null ? null : priceProblem(d.exitPrice);
  if (exitPrice) add("exitPrice", exitPrice);
  if ((d.exitPrice === null) !== (d.exitDate === null)) add(d.exitPrice === null ? "exitPrice" : "exitDate", "exit price and exit date go together");
  if (d.exitDate !== null && d.exitDate < d.entryDate) add("exitDate", `is before the entry date ${d.entryDate}`);

  if (d.investmentClass === "OPTIONS") checkOption(d, add);
  else {
    for (const field of ["underlying", "strike", "expiry"] as const) {
      if (d[field] !== null) add(field, `only options have an ${field === "underlying" ? "underlying" : field}`);
    }
  }
  return issues;
}

function checkOption(d: PositionDraft, add: (field: DraftField, message: string) => void): void {
  if (d.underlying === null) add("underlying", "is required for an option");
  const strike = d.strike === null ? null : priceProblem(d.strike);
  if (d.strike === null) add("strike", "is required for an option");
  else if (strike) add("strike", strike);
  if (d.expiry === null) add("expiry", "is required for an option");
  else if (d.expiry < d.entryDate) add("expiry", `is before the entry date ${d.entryDate}: the option had expired when it was bought`);
  if (d.underlying === null || d.strike === null || strike || d.expiry === null) return;
  const right = d.positionType === "LC" || d.positionType === "SC" ? "C" : "P";
  let expected: string;
  try {
    expected = formatOccSymbol({ root: d.underlying, expiry: d.expiry, right, strike: d.strike });
  } catch (e) {
    // The contract cannot be written as an OCC symbol: blame the part the formatter names.
    const message = (e as Error).message;
    add(message.includes("root") ? "underlying" : message.includes("expiry") ? "expiry" : "strike", message);
    return;
  }
  try {
    parseOccSymbol(d.symbol);
  } catch {
    add("symbol", `must be the OCC symbol of the contract (${expected})`);
    return;
  }
  if (d.symbol !== expected) add("symbol", `OCC symbol disagrees with underlying, expiry, type or strike (expected ${expected})`);
}

/** Two drafts with the same key describe the same lot: an import would count it twice. */
export function draftKey(d: PositionDraft): string {
  return [d.symbol, d.quantity, d.entryPrice, d.entryDate, d.positionType, d.investmentClass, d.exitPrice ?? "", d.exitDate ?? ""].join("|");
}
