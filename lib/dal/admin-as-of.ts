import "server-only";
// The as-of date the admin pages reason about, the default of a batch started now (SPEC §5, §6).
import { resolveAsOfDateFor, type AsOfResult } from "@/lib/market-data/as-of";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";

export function currentAsOf(): Promise<AsOfResult> {
  return resolveAsOfDateFor(providerFromEnv());
}
