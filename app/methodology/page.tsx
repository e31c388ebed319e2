import type { Metadata } from "next";
import { renderMethodology } from "@/lib/methodology/render";

export const metadata: Metadata = { title: "Methodology" };

// GET /methodology — docs/METHODOLOGY.md as a page: how every figure is computed, with its reference test.
export default async function MethodologyPage() {
  const html = await renderMethodology();
  return <article className="panel methodology" data-testid="methodology" dangerouslySetInnerHTML={{ __html: html }} />;
}
