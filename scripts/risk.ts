// Risk engine CLI over the bundled prices.
//   npm run risk -- betas SYMBOL --as-of YYYY-MM-DD [--json]
import { isIsoDate } from "@/lib/dates";
import { FACTORS, FACTOR_KEYS } from "@/lib/factors/registry";
import { readPriceFile } from "@/lib/market-data/price-file";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import { computeSymbolBetas, type FactorBetaResult } from "@/lib/risk/symbol-betas";

const USAGE = "Usage: npm run risk -- betas SYMBOL --as-of YYYY-MM-DD [--json]";

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]): { symbol: string; asOf: string; json: boolean } {
  const [command, symbol, ...rest] = argv;
  if (command !== "betas") fail(command ? `Unknown command "${command}".` : "Missing command.");
  if (!symbol || symbol.startsWith("--")) fail("Missing SYMBOL.");
  let asOf: string | undefined;
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--as-of") asOf = rest[++i];
    else if (arg.startsWith("--as-of=")) asOf = arg.slice("--as-of=".length);
    else fail(`Unknown argument "${arg}".`);
  }
  if (!asOf) fail("Missing --as-of YYYY-MM-DD.");
  if (!isIsoDate(asOf)) fail(`--as-of "${asOf}" is not a YYYY-MM-DD calendar date.`);
  return { symbol: symbol.toUpperCase(), asOf, json };
}

const fmt = (v: number | undefined, digits = 4): string => (v === undefined ? "" : Math.abs(v) < 1e-3 && v !== 0 ? v.toExponential(2) : v.toFixed(digits));

function row(r: FactorBetaResult): string[] {
  const name = FACTORS[r.factor].displayName;
  if (!r.ok) return [r.factor, name, `— ${r.reason}`, "", "", "", "", "", String(r.n)];
  const beta = r.capped ? `${fmt(r.beta)} (raw ${fmt(r.rawBeta)})` : fmt(r.beta);
  return [r.factor, name, beta, fmt(r.alpha, 6), fmt(r.rSquared), fmt(r.stdError), fmt(r.tStat, 2), fmt(r.pValue), String(r.n)];
}

function main(): void {
  const { symbol, asOf, json } = parseArgs(process.argv.slice(2));
  const panel = buildPricePanel(readPriceFile());
  if (!panel.closes.has(symbol)) fail(`Unknown symbol "${symbol}": not in the bundled prices (${panel.symbols.length} symbols, e.g. ${panel.symbols.slice(0, 5).join(", ")}).`);
  const first = panel.dates[0]!;
  const last = panel.dates.at(-1)!;
  if (asOf < first) fail(`--as-of ${asOf} is before the first price date ${first}.`);
  const betas = computeSymbolBetas(panel, symbol, asOf);
  if (json) {
    console.log(JSON.stringify(betas, null, 2));
    return;
  }
  console.log(`${symbol} factor betas as of ${asOf}${asOf > last ? ` (prices end ${last})` : ""}`);
  const header = ["factor", "name", "beta", "alpha", "R²", "std err", "t", "p", "n"];
  const rows = [header, ...FACTOR_KEYS.map((k) => row(betas[k]))];
  const widths = header.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join("  "));
}

main();
