// The arguments of `npm run batch` (scripts/batch.ts) into a batch request. Pure: no I/O.
//   --as-of D          an NYSE trading day, checked by the same rule and message as AS_OF
//   --portfolio ID …   one flag followed by several ids, or the flag repeated (or --portfolio=ID)
//   --from D --to D --force
import { parseArgs } from "node:util";
import { asOfSchema } from "@/lib/config/env";
import { isoDateSchema } from "@/lib/dates";
import type { BatchRequest } from "./types";

export const BATCH_USAGE = "usage: npm run batch -- [--as-of YYYY-MM-DD] [--portfolio ID ...] [--from YYYY-MM-DD --to YYYY-MM-DD --force]";

/** `--portfolio a b --force` → `--portfolio a --portfolio b --force`: the ids after one flag, up to the next option. */
function expandPortfolioLists(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg !== "--portfolio") {
      out.push(arg);
      continue;
    }
    const ids: string[] = [];
    while (i + 1 < argv.length && !argv[i + 1]!.startsWith("-")) ids.push(argv[++i]!);
    if (ids.length === 0) throw new Error("--portfolio needs at least one portfolio id");
    for (const id of ids) out.push("--portfolio", id);
  }
  return out;
}

export function parseBatchArgs(argv: readonly string[]): BatchRequest {
  const { values } = parseArgs({
    args: expandPortfolioLists(argv),
    options: {
      "as-of": { type: "string" },
      portfolio: { type: "string", multiple: true },
      from: { type: "string" },
      to: { type: "string" },
      force: { type: "boolean" },
    },
  });
  const check = (name: string, v: string | undefined, schema: typeof isoDateSchema) => {
    if (v === undefined) return undefined;
    const r = schema.safeParse(v);
    if (!r.success) throw new Error(`--${name}: ${r.error.issues[0]?.message ?? "invalid"} (got "${v}")`);
    return v;
  };
  const asOf = check("as-of", values["as-of"], asOfSchema);
  const from = check("from", values.from, isoDateSchema);
  const to = check("to", values.to, isoDateSchema);
  if (values.force && (!from || !to)) throw new Error("--force needs --from and --to");
  if (!values.force && (from || to)) throw new Error("--from/--to need --force (a normal run computes every missing date by itself)");
  if (from && to && from > to) throw new Error(`--from ${from} is after --to ${to}`);
  const ids = values.portfolio?.map((p) => p.trim());
  if (ids?.some((p) => p === "")) throw new Error("--portfolio: an empty portfolio id");
  return {
    trigger: "CLI",
    ...(asOf ? { asOfDate: asOf } : {}),
    portfolioIds: ids ? [...new Set(ids)] : null,
    force: values.force && from && to ? { from, to } : null,
  };
}
