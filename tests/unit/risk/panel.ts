// The bundled price panel, loaded once per test file.
import { readPriceFile } from "@/lib/market-data/price-file";
import { buildPricePanel, type PricePanel } from "@/lib/market-data/price-panel";

let panel: PricePanel | undefined;
export function bundledPanel(): PricePanel {
  panel ??= buildPricePanel(readPriceFile());
  return panel;
}
