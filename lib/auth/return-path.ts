// Where the sign-in page sends a visitor back to: the page they asked for, only as a same-origin
// relative path (never another site, a protocol-relative //host or the sign-in page itself).

const BASE = "http://return-path.invalid";
const MAX_LENGTH = 2000;

/** The path (with query and fragment) to return to, or null when `next` is not a safe one. */
export function safeReturnPath(next: string | null | undefined): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > MAX_LENGTH) return null;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  if (url.pathname === "/sign-in" || url.pathname.startsWith("/sign-in/") || url.pathname.startsWith("/api/")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address for a visitor who asked for `path`. */
export function signInPath(path: string | null | undefined): string {
  const next = safeReturnPath(path);
  return next && next !== "/" ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in";
}
