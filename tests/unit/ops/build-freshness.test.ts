// `npm start` rebuilds exactly when the sources changed since the build on disk (after a pull or an
// edit), and not when only what the build does not read changed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordBuild, staleBuildReason } from "@/lib/ops/build-freshness";

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "riskline-build-"));
  write("app/page.tsx", "export default function Page() { return null; }");
  write("lib/risk/nav.ts", "export const x = 1;");
  write("prisma/schema.prisma", "model A { id Int @id }");
  write("package.json", "{}");
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("staleBuildReason", () => {
  it("asks for a build when there is none, or when the build has no record of its sources", () => {
    expect(staleBuildReason(root)).toBe("no build yet");
    write(".next/BUILD_ID", "abc");
    expect(staleBuildReason(root)).toBe("the build has no record of its sources");
  });

  it("is satisfied by a recorded build, and asks again after any source changes", () => {
    write(".next/BUILD_ID", "abc");
    recordBuild(root);
    expect(staleBuildReason(root)).toBeNull();
    for (const [file, text] of [
      ["lib/risk/nav.ts", "export const x = 2;"],
      ["app/new/page.tsx", "export default function New() { return null; }"],
      ["prisma/schema.prisma", "model A { id Int @id\n  b Int }"],
      ["package.json", '{"name":"x"}'],
    ] as const) {
      write(file, text);
      expect(staleBuildReason(root), file).toBe("the sources changed since the last build");
      recordBuild(root);
      expect(staleBuildReason(root)).toBeNull();
    }
  });

  it("ignores what the build does not read (tests, docs, generated code)", () => {
    write(".next/BUILD_ID", "abc");
    recordBuild(root);
    write("tests/unit/a.test.ts", "");
    write("docs/NOTES.md", "x");
    write("lib/generated/prisma/client.ts", "x");
    expect(staleBuildReason(root)).toBeNull();
  });
});
