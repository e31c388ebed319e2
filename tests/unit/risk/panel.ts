// The bundled price panel, loaded once per test file.
import { readPriceFile } from "@/lib/market-data/price-file";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import type { PricePanel } from "@/lib/risk/panel";

let panel: PricePanel | undefined;
export function bundledPanel(): PricePanel {
  panel ??= buildPricePanel(readPriceFile());
  return panel;
}
