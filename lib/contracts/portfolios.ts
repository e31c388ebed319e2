// The portfolios a caller may read (GET /api/portfolios, /api/portfolios/[id]) with their latest NAV,
// and the changes to a book itself: create (POST /api/portfolios), rename, describe, re-equity or
// archive (PATCH /api/portfolios/[id]) and delete with its name typed as confirmation (DELETE).
import { z } from "zod";
import { isoDateSchema, type IsoDate } from "@/lib/dates";
import { staleResultsShape } from "./positions";

const portfolioSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string(),
  currency: z.string(),
  startingEquity: z.number(),
  inceptionDate: isoDateSchema,
  /** Hidden from lists and left out of batch runs; its results are kept. */
  archived: z.boolean(),
  /** The symbol the performance figures are measured against. */
  benchmarkSymbol: z.string(),
  positionCount: z.number().int(),
  latest: z.object({ date: isoDateSchema, nav: z.number().nullable(), pnlDay: z.number().nullable(), pnlCumulative: z.number().nullable() }).nullable(),
});
export type PortfolioSummary = z.infer<typeof portfolioSummarySchema>;

/** `archived=1` lists the caller's archived books instead of the active ones. */
export const portfolioListQuery = z.object({ archived: z.enum(["0", "1"]).optional() }).strict();
export type PortfolioListQuery = z.infer<typeof portfolioListQuery>;

export const portfolioListResponse = z.object({ portfolios: z.array(portfolioSummarySchema) });

export const portfolioResponse = z.object({ portfolio: portfolioSummarySchema });

/** Far beyond any real book, so the NAV chain's sums stay finite; the same bound for a capital flow. */
export const MAX_EQUITY = 1e12;

const name = z.string().trim().min(1, "is required").max(100, "is at most 100 characters");
const description = z
  .string()
  .trim()
  .max(500, "is at most 500 characters")
  .nullable()
  .transform((d) => (d === "" ? null : d));
const startingEquity = z
  .number()
  .refine(Number.isFinite, "must be a finite number")
  .refine((n) => n > 0, "must be positive")
  .refine((n) => n <= MAX_EQUITY, `must be at most ${MAX_EQUITY.toLocaleString("en-US")}`);

/** The inception date is checked against the as-of date the server resolves (a book cannot start in the future). */
export const portfolioCreateBody = (asOfDate: IsoDate) =>
  z
    .object({
      name,
      description: description.optional(),
      startingEquity,
      inceptionDate: isoDateSchema.refine((d) => d <= asOfDate, `must be on or before the as-of date ${asOfDate}`),
    })
    .strict();
export type PortfolioCreateBody = z.input<ReturnType<typeof portfolioCreateBody>>;
export type PortfolioCreateInput = z.output<ReturnType<typeof portfolioCreateBody>>;

/** A ticker as the symbols table writes it; the data layer checks that it is listed. */
export const benchmarkSymbol = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9.-]{0,9}$/, "must be a ticker such as SPY");

export const portfolioPatchBody = z
  .object({
    name: name.optional(),
    description: description.optional(),
    startingEquity: startingEquity.optional(),
    archived: z.boolean().optional(),
    benchmarkSymbol: benchmarkSymbol.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, "give at least one field to change");
export type PortfolioPatchBody = z.input<typeof portfolioPatchBody>;
export type PortfolioPatchInput = z.output<typeof portfolioPatchBody>;

/** A new starting equity moves every stored day: the answer says from when results are stale. */
export const portfolioUpdateResponse = z.object({ portfolio: portfolioSummarySchema, staleResults: z.object(staleResultsShape).nullable() });
export type PortfolioUpdateResponse = z.infer<typeof portfolioUpdateResponse>;

export const portfolioDeleteBody = z.object({ confirmName: z.string().max(200) }).strict();
export type PortfolioDeleteBody = z.infer<typeof portfolioDeleteBody>;

export const portfolioDeletedResponse = z.object({ deleted: z.string() });
