// Error messages and stacks shown on the admin pages name files relative to the project: the admin
// reads where it failed, and the server's directory layout stays out of the browser.
import path from "node:path";
import { pathToFileURL } from "node:url";

/** `text` with the project root (as a path and as a file:// URL) removed from every file name in it. */
export function projectRelative(text: string, root: string = process.cwd()): string {
  const prefixes = [`${pathToFileURL(root).href}/`, `${root}${path.sep}`];
  return prefixes.reduce((t, prefix) => t.replaceAll(prefix, ""), text);
}

/** projectRelative for a nullable column. */
export const projectRelativeOrNull = (text: string | null): string | null => (text === null ? null : projectRelative(text));
