import { describe, expect, it } from "vitest";
import { contrastRatio, heatCellColours } from "@/lib/heat-colour";

const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];

describe("heat-map cell colours", () => {
  it("keep text at WCAG AA contrast (4.5:1) for every correlation from -1 to 1", () => {
    for (let i = -100; i <= 100; i++) {
      const { background, color } = heatCellColours(i / 100);
      expect(contrastRatio(rgb(background), rgb(color)), `ρ = ${i / 100}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("are white at zero and deepen with |ρ|, with different hues by sign", () => {
    expect(heatCellColours(0).background).toBe("#ffffff");
    expect(heatCellColours(1).background).not.toBe(heatCellColours(-1).background);
    expect(contrastRatio(rgb(heatCellColours(0.9).background), [255, 255, 255])).toBeGreaterThan(contrastRatio(rgb(heatCellColours(0.3).background), [255, 255, 255]));
  });

  it("matches the WCAG reference contrast of black on white", () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 10);
  });
});
