import "server-only";
// Symbols met in an import or an added position that the symbols table does not list: looked up with
// the configured vendor and listed when it knows them (lib/market-data/resolve-symbols.ts). Runs before
// the edit's transaction, so no book is locked while the vendor answers; the symbols and prices it
// stores are market data, kept whether or not the edit then goes through.
import type { IsoDate } from "@/lib/dates";
import { getPool } from "@/lib/db/pool";
import { resolveAsOfDateFor } from "@/lib/market-data/as-of";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";
import { resolveSymbols } from "@/lib/market-data/resolve-symbols";

/** symbol → earliest entry date it is needed from; answers why each symbol that stays unlisted was refused. */
export async function resolveUnlistedSymbols(needed: ReadonlyMap<string, IsoDate>): Promise<ReadonlyMap<string, string>> {
  if (needed.size === 0) return new Map();
  const provider = providerFromEnv();
  return resolveSymbols(getPool(), provider, needed, async () => (await resolveAsOfDateFor(provider)).asOf);
}
