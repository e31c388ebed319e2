// GET /api/portfolios/[id]/decomposition: the book's forecast volatility split into factor and specific
// risk, per stress proxy and per symbol, as of ?date= (docs/METHODOLOGY.md, "Risk decomposition").
import { z } from "zod";
import { STRESS_PROXIES } from "@/lib/factors/registry";
import { REASON_CODES } from "@/lib/reason-codes";
import { isoDateSchema } from "@/lib/dates";
import { analytics } from "./analytics";

export const decompositionFigures = {
  nav: z.number(),
  factorVariance: z.number(),
  specificVariance: z.number(),
  variance: z.number(),
  volDollars: z.number(),
  volPctNav: z.number().nullable(),
  factorShare: z.number(),
  specificShare: z.number(),
  factors: z.array(z.object({ proxy: z.enum(STRESS_PROXIES), label: z.string(), dollars: z.number(), share: z.number() })),
  symbols: z.array(
    z.object({
      symbol: z.string(),
      exposure: z.number(),
      betas: z.record(z.enum(STRESS_PROXIES), z.number()),
      specificVol: z.number(),
      componentShare: z.number(),
      marginal: z.number(),
    }),
  ),
  excluded: z.array(z.object({ symbol: z.string(), exposure: z.number(), reason: z.enum(REASON_CODES) })),
  covariance: z.object({ startDate: isoDateSchema, endDate: isoDateSchema, n: z.number().int() }),
};

export const decompositionResponse = analytics(decompositionFigures);
export type DecompositionResponse = z.infer<typeof decompositionResponse>;
