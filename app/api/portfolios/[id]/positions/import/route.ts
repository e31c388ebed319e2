// POST /api/portfolios/[id]/positions/import — CSV import: "preview" checks every row, "commit" writes all rows or none (422).
import { NextResponse } from "next/server";
import { z } from "zod";
import { parseBody, withPortfolioOwner } from "@/lib/api/handler";
import { commitPositionImport, previewPositionImport } from "@/lib/dal/import-positions";

/** The JSON body around the CSV text may be at most this large (413 beyond). */
const MAX_IMPORT_BYTES = 1_000_000;

const body = z.object({ csv: z.string().min(1, "is empty"), mode: z.enum(["preview", "commit"]) }).strict();

export const POST = withPortfolioOwner(async ({ req, portfolio }) => {
  const { csv, mode } = await parseBody(req, body, MAX_IMPORT_BYTES);
  if (mode === "preview") return NextResponse.json(await previewPositionImport(portfolio, csv));
  return NextResponse.json(await commitPositionImport(portfolio, csv), { status: 201 });
});
