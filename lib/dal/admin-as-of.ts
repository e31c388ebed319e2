import "server-only";
// The as-of date the admin pages reason about, the default of a batch started now (lib/market-data/as-of.ts).
import { resolveAsOfDateFor, type AsOfResult } from "@/lib/market-data/as-of";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";

export function currentAsOf(): Promise<AsOfResult> {
  return resolveAsOfDateFor(providerFromEnv());
}
