// @ts-check
/** @type {import("next").NextConfig} */
const nextConfig = {
  // pg and the Prisma adapter stay outside the server bundle; PGlite only runs in scripts/start.ts.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
