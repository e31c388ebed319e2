import "server-only";
// Reading a stored JSON column back through its shape (lib/results/shapes.ts): a value that fails the
// shape is a server fault (StoredDataError: 500, logged with the row's key), never the caller's 422.
import type { z } from "zod";
import { StoredDataError, type StoredRow } from "@/lib/api/errors";

export function parseStored<S extends z.ZodType>(schema: S, value: unknown, row: StoredRow): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new StoredDataError(
    row,
    parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(value)"}: ${i.message}`),
  );
}
