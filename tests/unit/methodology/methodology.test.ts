// docs/METHODOLOGY.md and the /methodology page: every linked section exists and lands on its
// heading; every engine module names a section that exists; the page renders the anchors.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { renderMethodology } from "@/lib/methodology/render";
import { headingSlug, METHODOLOGY_SECTIONS, methodologyHref } from "@/lib/methodology/sections";

const doc = readFileSync("docs/METHODOLOGY.md", "utf8");
const headings = [...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);

describe("docs/METHODOLOGY.md", () => {
  test.each(Object.entries(METHODOLOGY_SECTIONS))("links to %s land on a heading", (_key, heading) => {
    expect(headings).toContain(heading);
  });

  test("the contents list every section with its anchor", () => {
    for (const h of headings.filter((x) => x !== "Contents")) expect(doc).toContain(`- [${h}](#${headingSlug(h)})`);
  });

  test("every engine module points at a section that exists", () => {
    const modules = readdirSync("lib/risk").filter((f) => f.endsWith(".ts") && !["panel.ts"].includes(f));
    for (const file of modules) {
      const source = readFileSync(`lib/risk/${file}`, "utf8");
      const cited = /docs\/METHODOLOGY\.md, "([^"]+)"/.exec(source)?.[1];
      expect(cited, `lib/risk/${file} names its methodology section`).toBeDefined();
      expect(headings, `lib/risk/${file}`).toContain(cited);
    }
  });

  test("every test file and golden script it cites exists", () => {
    const cited = new Set([...doc.matchAll(/`((?:tests|scripts|lib)\/[\w./-]+\.(?:ts|py))`/g)].map((m) => m[1]!));
    expect(cited.size).toBeGreaterThan(20);
    for (const f of cited) expect(() => readFileSync(f), f).not.toThrow();
  });

  test("no code comment cites a document outside the repository", () => {
    const files = ["lib", "app", "components", "scripts", "tests", "e2e", "inngest"].flatMap((dir) =>
      (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(ts|tsx|py)$/.test(f)).map((f) => `${dir}/${f}`),
    );
    const offenders = files.filter((f) => /\bSPEC §|shared\/SPEC/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("the /methodology page", () => {
  test("renders each heading with the anchor its links use", async () => {
    const html = await renderMethodology();
    for (const key of Object.keys(METHODOLOGY_SECTIONS) as (keyof typeof METHODOLOGY_SECTIONS)[]) {
      const anchor = methodologyHref(key).split("#")[1]!;
      expect(html).toContain(`<h2 id="${anchor}">`);
    }
    expect(html).toContain('<a href="#value-at-risk-and-expected-shortfall">');
    expect(html).toContain("<table>");
  });
});
