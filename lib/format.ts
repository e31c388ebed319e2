// Number formatting shared by pages (USD, percentages, betas).
const usd0 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const usd2 = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatUsd = (v: number | null | undefined, cents = false): string => (v == null ? "—" : (cents ? usd2 : usd0).format(v));
export const formatPct = (v: number | null | undefined, digits = 2): string => (v == null ? "—" : `${(v * 100).toFixed(digits)} %`);
export const formatNum = (v: number | null | undefined, digits = 2): string => (v == null ? "—" : v.toFixed(digits));
export const signClass = (v: number | null | undefined): string => (v == null || v === 0 ? "" : v > 0 ? "pos" : "neg");
