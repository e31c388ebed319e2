// Wrapper for the few handlers open to anonymous callers (health): same error mapping, no session.
import type { NextRequest } from "next/server";
import { handleApiError } from "@/lib/api/errors";

export function withPublic(fn: (req: NextRequest) => Promise<Response>) {
  return async (req: NextRequest): Promise<Response> => {
    try {
      return await fn(req);
    } catch (err) {
      return handleApiError(err, { method: req.method, path: req.nextUrl.pathname });
    }
  };
}
