// A long history is fetched in date-range chunks. An older chunk that comes back empty or cut short
// looks exactly like "not listed yet" (gaps.ts then treats the hole as a closed market), so the chunks
// a vendor should have covered are named here and reported in the coverage telemetry.

/** Calendar days without a close that a chunk may show at an edge before it counts as short: a long
 * weekend plus a holiday is 4; a trading halt of a week or so is not a vendor fault. */
export const CHUNK_EDGE_SLACK_DAYS = 10;

export interface ChunkAnswer {
  from: string;
  to: string;
  /** Dates the vendor sent for the chunk, any order. */
  dates: readonly string[];
}

export interface CoverageGap {
  symbol: string;
  from: string;
  to: string;
  /** empty: no close at all; short: the closes stop or start well inside the chunk. */
  kind: "empty" | "short";
  rows: number;
  detail: string;
}

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

/**
 * The chunks of one symbol the vendor answered short or empty while it had closes on both sides (a
 * hole in the history), or right before the first close when that close falls at the start of a chunk
 * (a history that begins at a request boundary was most likely cut there, not listed then).
 */
export function chunkCoverageGaps(symbol: string, chunks: readonly ChunkAnswer[]): CoverageGap[] {
  const sorted = [...chunks].sort((a, b) => (a.from < b.from ? -1 : 1)).map((c) => {
    const dates = [...c.dates].sort();
    return { ...c, first: dates[0], last: dates.at(-1), rows: dates.length };
  });
  const gaps: CoverageGap[] = [];
  sorted.forEach((c, i) => {
    const earlier = sorted.slice(0, i).some((x) => x.rows > 0);
    const later = sorted.slice(i + 1).some((x) => x.rows > 0);
    const next = sorted[i + 1];
    const where = `${symbol} ${c.from}..${c.to}`;
    if (c.rows === 0) {
      const boundaryStart = !earlier && next?.first !== undefined && daysBetween(next.from, next.first) <= CHUNK_EDGE_SLACK_DAYS;
      if ((earlier && later) || boundaryStart) {
        const why = earlier ? "closes before and after it" : `the next chunk's first close (${next!.first}) falls at its start, so the history looks cut at the request boundary`;
        gaps.push({ symbol, from: c.from, to: c.to, kind: "empty", rows: 0, detail: `the vendor sent no close for ${where} although it has ${why}` });
      }
      return;
    }
    const endsEarly = later && daysBetween(c.last!, c.to) > CHUNK_EDGE_SLACK_DAYS;
    const startsLate = earlier && daysBetween(c.from, c.first!) > CHUNK_EDGE_SLACK_DAYS;
    if (endsEarly || startsLate) {
      const range = `${c.first}..${c.last}`;
      gaps.push({ symbol, from: c.from, to: c.to, kind: "short", rows: c.rows, detail: `the vendor sent closes only from ${range} for ${where} although it has closes ${endsEarly ? "after" : "before"} it` });
    }
  });
  return gaps;
}

/**
 * Stored closes of `symbol` the vendor did not send again when asked for their dates: it should cover
 * them (it sent them before), so its answer is short there. Null when it sent every one.
 */
export function storedDatesNotSent(symbol: string, stored: readonly string[], sent: readonly string[], range: { from: string; to: string }): CoverageGap | null {
  const got = new Set(sent);
  const missing = stored.filter((d) => d >= range.from && d <= range.to && !got.has(d)).sort();
  if (missing.length === 0) return null;
  const span = missing.length === 1 ? missing[0] : `${missing[0]}..${missing.at(-1)}`;
  return {
    symbol,
    ...range,
    kind: sent.length ? "short" : "empty",
    rows: sent.length,
    detail: `the vendor sent no close for ${missing.length} stored date(s) of ${symbol} (${span}) when asked for ${range.from}..${range.to}`,
  };
}
