// The request header proxy.ts sets to the page asked for (path and query), read by the page guards.
export const REQUEST_PATH_HEADER = "x-riskline-request-path";
