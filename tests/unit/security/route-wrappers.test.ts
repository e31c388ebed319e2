// Every route handler declares who may call it (docs/ARCHITECTURE.md, "Requests"): each exported HTTP method of
// app/api/**/route.ts is built by withUser, withPortfolio, withAdmin or withPublic, imported from
// lib/api. The only exceptions are the routes that authenticate by other means, listed below.
import { describe, expect, it } from "vitest";
import { discoverApiRoutes, exportedHandlers } from "./api-routes";

/** Routes with their own authentication: better-auth's endpoints and Inngest's signed requests. */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  "/api/auth/[...all]": "better-auth's own sign-in, sign-out and session endpoints",
  "/api/inngest": "Inngest's serve endpoint, authenticated by the signing key",
};

const routes = discoverApiRoutes();

describe("route handler wrappers", () => {
  it("finds the route files and their handlers", () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const r of routes) expect(r.handlers.length, `${r.file} exports no HTTP method`).toBeGreaterThan(0);
    for (const pattern of Object.keys(EXCEPTIONS)) expect(routes.map((r) => r.pattern)).toContain(pattern);
  });

  it.each(routes.filter((r) => !(r.pattern in EXCEPTIONS)).map((r) => ({ name: r.pattern, route: r })))(
    "$name: every exported method is built by a wrapper",
    ({ route }) => {
      const unwrapped = route.handlers.filter((h) => h.wrapper === null).map((h) => `${h.method} (${h.builtBy})`);
      expect(unwrapped, `${route.file}`).toEqual([]);
    },
  );

  it("the checker flags handlers that bypass the wrappers", () => {
    const bad = exportedHandlers(`
      import { NextResponse } from "next/server";
      import { withUser as withSession } from "@/lib/api/handler";
      import { withAdmin } from "./local-fake";
      const withPublic = (fn: unknown) => fn;
      export async function GET() { return NextResponse.json({}); }
      export const POST = (req: Request) => NextResponse.json({});
      export const PUT = withAdmin(async () => NextResponse.json({}));
      export const PATCH = withPublic(async () => NextResponse.json({}));
      export const { DELETE } = { DELETE: () => null };
      export const HEAD = withSession(async () => NextResponse.json({}));
    `);
    expect(bad.map((h) => [h.method, h.wrapper])).toEqual([
      ["GET", null],
      ["POST", null],
      ["PUT", null],
      ["PATCH", null],
      ["DELETE", null],
      ["HEAD", "withUser"],
    ]);
  });

  it("the checker accepts the four wrappers imported from lib/api", () => {
    const good = exportedHandlers(`
      import { withAdmin, withPortfolio, withUser } from "@/lib/api/handler";
      import { withPublic } from "@/lib/api/public";
      export const GET = withUser(async () => new Response());
      export const POST = withAdmin(async () => new Response());
      export const PATCH = withPortfolio(async () => new Response());
      export const HEAD = withPublic(async () => new Response());
    `);
    expect(good.map((h) => h.wrapper)).toEqual(["withUser", "withAdmin", "withPortfolio", "withPublic"]);
  });
});
