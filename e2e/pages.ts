// The app's pages as the e2e specs enumerate them, so a new page is never left out of a check.
import { readdirSync } from "node:fs";
import path from "node:path";

/** Every page.tsx under app/, as its URL pattern ("/portfolios/[id]/risk"). */
export function discoverPages(dir = path.resolve("app"), prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === "api" && prefix === "" ? [] : discoverPages(path.join(dir, entry.name), `${prefix}/${entry.name}`);
    return entry.name === "page.tsx" ? [prefix || "/"] : [];
  });
}
