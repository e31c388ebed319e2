// The security headers of every page and API answer (proxy.ts sets them). Scripts run only with this
// request's nonce (Next.js puts it on its own scripts, and 'strict-dynamic' lets them load their
// chunks): no inline script, no eval outside `next dev`. Styles may be inline, since React and Recharts
// write style attributes. No page may be framed, which keeps the admin "Run now" and position edit
// buttons out of clickjacking.

interface PolicyOptions {
  nonce: string;
  /** `next dev`: React needs eval, and reloads come over a WebSocket. */
  dev: boolean;
  /** Served over https: browsers are told to stay on https. */
  https: boolean;
}

export function contentSecurityPolicy({ nonce, dev }: Omit<PolicyOptions, "https">): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(options: PolicyOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}
