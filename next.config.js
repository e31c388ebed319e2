// @ts-check
/** @type {import("next").NextConfig} */
const nextConfig = {
  // pg and the Prisma adapter stay outside the server bundle; PGlite only runs in scripts/start.ts.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc) before building; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default nextConfig;
