// A book's capital flows: the list (GET .../capital-flows), a deposit or withdrawal (POST) and the
// removal of a mistaken one (DELETE .../capital-flows/[flowId]). A flow moves NAV on its date, never
// P&L or return; the batch books it only on a trading day, so the date must be one.
import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";
import { tradingDaySchema, type TradingDayCheck } from "./admin-freshness";
import { MAX_EQUITY } from "./portfolios";
import { staleResultsShape } from "./positions";

const capitalFlowSchema = z.object({ id: z.string(), date: isoDateSchema, amount: z.number(), note: z.string().nullable() });
export type CapitalFlow = z.infer<typeof capitalFlowSchema>;

export const capitalFlowListResponse = z.object({ portfolioId: z.string(), flows: z.array(capitalFlowSchema) });

/** Deposits are positive, withdrawals negative. The date's bounds (inception, as-of) are checked against the book. */
export const capitalFlowBody = (isTradingDay: TradingDayCheck) =>
  z
    .object({
      date: tradingDaySchema(isTradingDay),
      amount: z
        .number()
        .refine(Number.isFinite, "must be a finite number")
        .refine((n) => n !== 0, "must not be zero (positive for a deposit, negative for a withdrawal)")
        .refine((n) => Math.abs(n) <= MAX_EQUITY, `must be at most ${MAX_EQUITY.toLocaleString("en-US")} in absolute value`),
      note: z.string().trim().max(200, "is at most 200 characters").optional(),
    })
    .strict();
export type CapitalFlowBody = z.input<ReturnType<typeof capitalFlowBody>>;

export const capitalFlowParams = z.object({ flowId: z.string().min(1).max(64) });

export const capitalFlowCreatedResponse = z.object({ flow: capitalFlowSchema, ...staleResultsShape });
export const capitalFlowDeletedResponse = z.object({ deleted: z.string(), ...staleResultsShape });
