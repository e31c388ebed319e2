// POST /api/portfolios/[id]/positions/import — CSV import: "preview" checks every row, "commit" writes all rows or none (422).
import { NextResponse } from "next/server";
import { parseBody, withPortfolioOwner } from "@/lib/api/handler";
import { importBody } from "@/lib/contracts/positions";
import { commitPositionImport, previewPositionImport } from "@/lib/dal/import-positions";

/** The JSON body around the CSV text may be at most this large (413 beyond). */
const MAX_IMPORT_BYTES = 1_000_000;

export const POST = withPortfolioOwner(async ({ req, portfolio }) => {
  const { csv, mode } = await parseBody(req, importBody, MAX_IMPORT_BYTES);
  if (mode === "preview") return NextResponse.json(await previewPositionImport(portfolio, csv));
  return NextResponse.json(await commitPositionImport(portfolio, csv), { status: 201 });
});
