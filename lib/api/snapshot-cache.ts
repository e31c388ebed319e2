import "server-only";
// The answers of a COMPLETE snapshot do not change until a run rewrites that day, so an analytics
// read is keyed by the snapshot it answers from (portfolio, date, the run that wrote it and when): a
// weak ETag the browser revalidates (304 without a body), and a small in-process cache of the
// serialized answers, bounded in bytes. A rerun of the day gives it a new key, and so does any change to
// the scenario library (a deleted custom scenario takes its stored results along), so nothing stale is
// served. A read with no complete snapshot (an "unavailable" answer) is never cached.
import { LRUCache } from "lru-cache";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import type { IsoDate } from "@/lib/dates";
import { getPortfolioOrThrow, portfolioNotFound, readableSnapshotVersion, type SnapshotVersion } from "@/lib/dal/portfolios";
import { ApiError } from "./errors";
import { parseQuery, withUser } from "./handler";

const MAX_BYTES = 64 * 1024 * 1024;

/** Serialized answers by snapshot key and URL (path and query). */
const answers = new LRUCache<string, string>({ maxSize: MAX_BYTES, sizeCalculation: (body) => body.length || 1 });

/** Revalidated by ETag on every use: a newer run of the day changes the tag. */
export const SNAPSHOT_CACHE_CONTROL = "private, no-cache";

const etagOf = (portfolioId: string, v: SnapshotVersion) => `W/"${portfolioId}.${v.date}.${v.runId ?? "-"}.${v.completedAt?.getTime() ?? 0}.${v.scenarios}"`;

/** `If-None-Match` lists the tag (or is `*`). */
function matches(req: NextRequest, etag: string): boolean {
  const header = req.headers.get("if-none-match");
  if (!header) return false;
  return header.trim() === "*" || header.split(",").some((t) => t.trim() === etag);
}

/**
 * A GET of an analytics answer as of `?date` (default: the latest complete snapshot), served from the
 * snapshot cache. A hit costs one query (ownership and the snapshot's version together); the answer
 * is computed only on a miss. Ownership is decided before anything else: a book that is not the
 * caller's is a 404 even with a bad query, as for withPortfolio.
 */
export function withSnapshotAnswer<S extends z.ZodType<{ date?: IsoDate }>>(schema: S, compute: (portfolio: PortfolioSummary, query: z.infer<S>) => Promise<unknown>) {
  return withUser(async ({ req, user, params }) => {
    const id = params.id;
    if (typeof id !== "string") throw new ApiError("bad_request", "Missing portfolio id in the path.");
    let query: z.infer<S> | undefined;
    let invalid: unknown;
    try {
      query = parseQuery(req, schema);
    } catch (e) {
      invalid = e;
    }
    const readable = await readableSnapshotVersion(user, id, query?.date);
    if (!readable) throw portfolioNotFound(id);
    if (query === undefined) throw invalid;
    const { version } = readable;
    if (!version) return NextResponse.json(await compute(await getPortfolioOrThrow(user, id), query));
    const etag = etagOf(id, version);
    const headers = { etag, "cache-control": SNAPSHOT_CACHE_CONTROL };
    if (matches(req, etag)) return new Response(null, { status: 304, headers });
    const key = `${etag} ${req.nextUrl.pathname}?${[...req.nextUrl.searchParams].sort().map(([k, v]) => `${k}=${v}`).join("&")}`;
    let body = answers.get(key);
    if (body === undefined) {
      // The answer of exactly the keyed day, even if a run claims it meanwhile.
      body = JSON.stringify(await compute(await getPortfolioOrThrow(user, id), { ...query, date: version.date }));
      answers.set(key, body);
    }
    return new Response(body, { headers: { ...headers, "content-type": "application/json" } });
  });
}
