// Cache keys of a book's own reads, invalidated by its changes (useApi keys are [endpoint, ...args]).
export const portfolioKeys = {
  lists: ["portfolios"] as const,
  one: (id: string) => ["portfolio", id] as const,
  flows: (id: string) => ["capitalFlows", id] as const,
};
