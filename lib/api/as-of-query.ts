// The query every analytics read accepts: an optional as-of date (default: the latest complete snapshot).
import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";

export const asOfQuery = z.object({ date: isoDateSchema.optional() }).strict();

export const asOfWithPositionsQuery = asOfQuery.extend({ positions: z.enum(["0", "1"]).optional() }).strict();
