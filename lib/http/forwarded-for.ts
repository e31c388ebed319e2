// The X-Forwarded-For the app sees (scripts/serve.ts sets it on every request, replacing the client's):
// the socket's address, after the chain a trusted proxy forwarded. better-auth reads it, walks it from
// the right past TRUSTED_PROXIES (advanced.ipAddress.trustedProxies) and keys its rate limits on the
// first address that is not a proxy. Without trusted proxies the header is the socket address alone,
// so a client that sends X-Forwarded-For of its own changes nothing.

/**
 * @param incoming the X-Forwarded-For the request arrived with (anyone can send one)
 * @param peer the socket's remote address
 * @param trustedProxies TRUSTED_PROXIES: when none, `incoming` is dropped
 */
export function forwardedFor(incoming: string | string[] | undefined, peer: string | undefined, trustedProxies: readonly string[]): string | undefined {
  if (peer === undefined) return undefined;
  const chain = [incoming ?? []].flat().join(", ").trim();
  return trustedProxies.length === 0 || chain === "" ? peer : `${chain}, ${peer}`;
}
