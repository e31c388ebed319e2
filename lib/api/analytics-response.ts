// The envelope of every analytics answer: precomputed numbers as of one snapshot date, or a 200 with
// `available: false` and the reason they are missing. Shared by the handlers and the pages.
import type { ReasonCode } from "@/lib/reason-codes";

export interface Unavailable {
  portfolioId: string;
  available: false;
  /** The date asked for, or null when no snapshot is complete yet. */
  asOfDate: string | null;
  reason: ReasonCode;
  detail: string;
}

export type Available<T> = T & { portfolioId: string; available: true; asOfDate: string };

export type Analytics<T> = Available<T> | Unavailable;
