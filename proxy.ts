// Every request but static files: a fresh CSP nonce and the security headers (lib/http/security-headers.ts).
// Next.js reads the nonce from the request's Content-Security-Policy header and puts it on its scripts,
// so the pages render per request (they do anyway: the layout reads the session).
import { NextResponse, type NextRequest } from "next/server";
import { appUrl, developmentMode } from "@/lib/config/env";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path";
import { securityHeaders } from "@/lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({ nonce, dev: developmentMode(), https: new URL(appUrl()).protocol === "https:" });
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["Content-Security-Policy"]!);
  // The page asked for, so a visitor sent to sign in comes back to it (set here, never taken from the client).
  forwarded.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
