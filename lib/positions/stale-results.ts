// What a position change means for stored results: they stay as computed until the batch reruns.
export interface StaleResultsNotice {
  resultsStale: true;
  /** The earliest date whose results the change affects. */
  recomputeFrom: string;
  message: string;
}

export function staleResultsNotice(recomputeFrom: string): StaleResultsNotice {
  return {
    resultsStale: true,
    recomputeFrom,
    message: `Positions changed: stored results from ${recomputeFrom} on still reflect the old positions until the next batch run recomputes them (a force rerun from that date).`,
  };
}
