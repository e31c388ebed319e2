// What a change of a book's inputs means for stored results: the days from the earliest affected date
// are recomputed by the next batch run; until then they show what was computed before the change.
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
    message: `Inputs changed: results from ${recomputeFrom} on are being recomputed; until then they show the previous inputs.`,
  };
}
