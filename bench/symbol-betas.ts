// Benchmark: all 12 factor betas for every bundled symbol (120) over the last 250 dates, one core.
import { readPriceFile } from "@/lib/market-data/price-file";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import { computeSymbolBetasForDates } from "@/lib/risk/symbol-betas";
import { atMost, type BenchLine } from "./line";

const DATES = 250;
const TARGET_MS = 2000;

export async function benchSymbolBetas(): Promise<BenchLine> {
  const panel = buildPricePanel(readPriceFile());
  const dates = panel.dates.slice(-DATES);
  computeSymbolBetasForDates(panel, panel.symbols.slice(0, 5), dates.slice(-20)); // warm up the JIT
  const start = performance.now();
  const result = computeSymbolBetasForDates(panel, panel.symbols, dates);
  const ms = performance.now() - start;
  if (result.size !== panel.symbols.length) throw new Error("symbol betas benchmark lost symbols");
  return { name: `symbol betas: ${panel.symbols.length} symbols × ${dates.length} dates × 12 factors`, value: Math.round(ms), unit: "ms", target: atMost(TARGET_MS) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchSymbolBetas();
  console.log(`${r.name}: ${r.value} ${r.unit} (target ≤ ${TARGET_MS} ms)`);
}
