// @ts-check
/** @type {import("next").NextConfig} */
const nextConfig = {
  // pg and the Prisma adapter stay outside the server bundle; PGlite only runs in scripts/start.ts.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc) before building; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // Pages name app/icon.svg in their <head>; a client that asks for the conventional /favicon.ico anyway
  // (a feed reader, a JSON answer opened in a tab) gets the same icon, not a 404.
  async redirects() {
    return [{ source: "/favicon.ico", destination: "/icon.svg", permanent: true }];
  },
};

export default nextConfig;
