// A portfolio's positions: the list (GET .../positions), the edit (PATCH .../positions/[positionId])
// and the CSV import (POST .../positions/import).
import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";
import { reasonCodeSchema } from "@/lib/results/shapes";
import { asOfQuery } from "./analytics";

export const positionsQuery = asOfQuery;

const num = z.number().nullable();

/** A position as imported or edited (the fields a CSV row or a patch sets). */
const positionDraftSchema = z.object({
  symbol: z.string(),
  quantity: z.number(),
  entryPrice: z.number(),
  entryDate: isoDateSchema,
  exitPrice: num,
  exitDate: isoDateSchema.nullable(),
  positionType: z.string(),
  investmentClass: z.string(),
  subtype: z.string(),
  underlying: z.string().nullable(),
  strike: num,
  expiry: isoDateSchema.nullable(),
});

const positionRowSchema = positionDraftSchema.extend({
  id: z.string(),
  name: z.string().nullable(),
  riskSymbol: z.string(),
  multiplier: z.number(),
  /** PRIVATE only: the latest manual mark on or before the as-of date. */
  lastMark: z.object({ date: isoDateSchema, price: z.number() }).nullable(),
  /** null when the position has no valuation on the as-of date (not open, or not computed yet). */
  valuation: z
    .object({
      price: z.number(),
      marketValue: z.number(),
      exposure: z.number(),
      weight: z.number(),
      pnlDay: z.number(),
      pnlTotal: z.number(),
      /** Valued on the last known price (market closed for the symbol). */
      carried: z.boolean(),
    })
    .nullable(),
  greeks: z
    .object({
      underlyingPrice: z.number(),
      volatility: z.number(),
      timeToExpiry: z.number(),
      price: z.number(),
      delta: z.number(),
      gamma: z.number(),
      theta: z.number(),
      vega: z.number(),
    })
    .nullable(),
});
export type PositionRow = z.infer<typeof positionRowSchema>;

/** Positions are listed even before any valuation exists (a fresh import), with the reason. */
export const positionListResponse = z.object({
  portfolioId: z.string(),
  /** The snapshot date of the valuations; null before the first complete snapshot. */
  asOfDate: isoDateSchema.nullable(),
  available: z.boolean(),
  reason: reasonCodeSchema.optional(),
  detail: z.string().optional(),
  positions: z.array(positionRowSchema),
});
export type PositionListResponse = z.infer<typeof positionListResponse>;

/**
 * Bounds far beyond any real holding, for an import and an edit alike. They keep typos and hostile
 * values (1e308 shares) out of the books: every product the batch forms from them (quantity × price ×
 * multiplier, its square in a variance) must stay a finite number.
 */
export const MAX_ABS_QUANTITY = 1e9;
export const MAX_PRICE = 1e7;

/** Why a quantity is out of bounds, or null. */
export function quantityProblem(quantity: number): string | null {
  if (!Number.isFinite(quantity)) return "must be a finite number";
  if (Math.abs(quantity) > MAX_ABS_QUANTITY) return `must be at most ${MAX_ABS_QUANTITY.toLocaleString("en-US")} in absolute value`;
  return null;
}

/** Why a price per unit (entry, exit, private mark, option strike) is out of bounds, or null. */
export function priceProblem(price: number): string | null {
  if (!Number.isFinite(price)) return "must be a finite number";
  if (!(price > 0)) return "must be positive";
  if (price > MAX_PRICE) return `must be at most ${MAX_PRICE.toLocaleString("en-US")}`;
  return null;
}

const bounded = (problem: (n: number) => string | null) =>
  z.number().superRefine((n, ctx) => {
    const message = problem(n);
    if (message) ctx.addIssue({ code: "custom", message });
  });
const quantity = bounded(quantityProblem);
const price = bounded(priceProblem);

export const positionParams = z.object({ positionId: z.string().min(1).max(64) });

/** The bounds are checked before anything is read; the merged position then passes the import's rules. */
export const positionPatchSchema = z
  .object({
    quantity: quantity.optional(),
    entryPrice: price.optional(),
    entryDate: isoDateSchema.optional(),
    exitPrice: price.nullable().optional(),
    exitDate: isoDateSchema.nullable().optional(),
    /** A manual valuation per unit of a PRIVATE position on a date. */
    privateMark: z.object({ date: isoDateSchema, price, note: z.string().max(200).optional() }).strict().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, "give at least one field to change");
export type PositionPatch = z.infer<typeof positionPatchSchema>;

type Choices = readonly [string, ...string[]];

/**
 * One position added by hand, with the fields of a CSV row. The kinds (type, class, subtype) are
 * passed in from the engine's lists, which the contract may not import; an empty subtype takes the
 * import's default. The merged position then passes the import's rules.
 */
export const positionCreateBody = <T extends Choices, C extends Choices, S extends Choices>(kinds: { types: T; classes: C; subtypes: S }) =>
  z
    .object({
      symbol: z.string().trim().min(1, "is required").max(64, "is at most 64 characters"),
      quantity,
      entryPrice: price,
      entryDate: isoDateSchema,
      positionType: z.enum(kinds.types),
      investmentClass: z.enum(kinds.classes),
      subtype: z.enum(kinds.subtypes).optional(),
      underlying: z.string().trim().toUpperCase().min(1).max(16).nullable().optional(),
      strike: price.nullable().optional(),
      expiry: isoDateSchema.nullable().optional(),
      exitPrice: price.nullable().optional(),
      exitDate: isoDateSchema.nullable().optional(),
    })
    .strict();
export type PositionCreateBody = z.input<ReturnType<typeof positionCreateBody<Choices, Choices, Choices>>>;

/** What an edit or an import means for stored results: the next batch recomputes from recomputeFrom. */
export const staleResultsShape = { resultsStale: z.literal(true), recomputeFrom: isoDateSchema, message: z.string() };

export const positionUpdateResponse = z.object({ position: positionDraftSchema.extend({ id: z.string() }), ...staleResultsShape });
export type PositionUpdateResponse = z.infer<typeof positionUpdateResponse>;
/** A position added by hand: the same answer as an edit. */
export const positionCreatedResponse = positionUpdateResponse;

export const positionDeletedResponse = z.object({ deleted: z.string(), ...staleResultsShape });

export const importBody = z.object({ csv: z.string().min(1, "is empty"), mode: z.enum(["preview", "commit"]) }).strict();
export type ImportBody = z.infer<typeof importBody>;

const csvRowErrorSchema = z.object({
  row: z.number().int(),
  /** The column the problem is about; null when it is about the whole row. */
  field: z.string().nullable(),
  message: z.string(),
});

export const importPreviewResponse = z.object({
  mode: z.literal("preview"),
  valid: z.boolean(),
  rowCount: z.number().int(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      /** The cells as read, by column. */
      values: z.record(z.string(), z.string()),
      /** The position to create; null when the row has errors. */
      position: positionDraftSchema.nullable(),
    }),
  ),
  errors: z.array(csvRowErrorSchema),
});
export type ImportPreviewResponse = z.infer<typeof importPreviewResponse>;

export const importCommitResponse = z.object({ mode: z.literal("commit"), created: z.number().int(), positionIds: z.array(z.string()), ...staleResultsShape });
export type ImportCommitResponse = z.infer<typeof importCommitResponse>;
