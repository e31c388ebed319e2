// The market data vendor of the e2e app: the local fake of FMP (tests/integration/reliability/fake-fmp.ts),
// which serves the bundled closes and lists a few symbols beyond them (SMCI, SOFI, VXUS). Prints its
// base URL, then the last date it has closes for (the e2e app's as-of date: the vendor's data ends
// there, whatever today is), then serves until it is killed with the e2e server.
import { readPriceFile } from "@/lib/market-data/price-file";
import { startFakeFmp } from "../tests/integration/reliability/fake-fmp";

const fake = await startFakeFmp();
console.log(fake.baseUrl);
console.log(readPriceFile().reduce((last, r) => (r.date > last ? r.date : last), ""));
