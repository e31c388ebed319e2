// FMP's sector names to ours. Our stocks carry GICS sector names and our ETFs an asset-class bucket
// (data/market/symbols.csv), so a symbol listed from the vendor lands in the same sector-exposure
// buckets as the bundled ones.

const FMP_TO_GICS: Readonly<Record<string, string>> = {
  Technology: "Information Technology",
  Healthcare: "Health Care",
  "Financial Services": "Financials",
  "Consumer Cyclical": "Consumer Discretionary",
  "Consumer Defensive": "Consumer Staples",
  "Communication Services": "Communication Services",
  Industrials: "Industrials",
  Energy: "Energy",
  "Basic Materials": "Materials",
  "Real Estate": "Real Estate",
  Utilities: "Utilities",
};

/** The bucket of an ETF the vendor lists: its profile says nothing of what the fund holds. */
export const VENDOR_ETF_SECTOR = "US Equity";

/**
 * Our sector for a vendor's sector name. An ETF goes to "US Equity", the most common bucket, since FMP's
 * sector of a fund does not say whether it holds bonds, commodities or foreign shares (a guess from its
 * name would misfile some). A stock sector we do not map is kept as the vendor wrote it: the position
 * stays visible in its own bucket under a name the manager recognises, rather than hidden in
 * "Unclassified", and an added vendor name shows up instead of vanishing. No sector at all is "",
 * which the sector exposure counts as "Unclassified".
 */
export function sectorFromFmp(sector: string | null | undefined, isEtf: boolean): string {
  if (isEtf) return VENDOR_ETF_SECTOR;
  const name = (sector ?? "").trim();
  return FMP_TO_GICS[name] ?? name;
}
