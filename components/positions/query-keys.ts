// The cache key of a portfolio's position list (useApi("positions", id) and any query of it), invalidated by the edit and the import.
export const positionsQueryKey = (portfolioId: string) => ["positions", portfolioId] as const;
