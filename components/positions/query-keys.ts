// The cache key of a portfolio's position list, invalidated by the edit and the import.
export const positionsQueryKey = (portfolioId: string) => ["positions", portfolioId] as const;
