import { defineConfig } from "prisma/config";

// process.env, not prisma/config's env(): env() throws when DATABASE_URL is unset, which would break
// `prisma generate` in postinstall on a machine without a database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL || undefined,
  },
});
