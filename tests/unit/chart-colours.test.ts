import { describe, expect, it } from "vitest";
import { SERIES_COLOURS } from "@/components/impact/chart-colours";

// WCAG 2.2 relative luminance and contrast ratio.
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe("chart series colours", () => {
  it("each bar colour has at least 3:1 contrast with the white chart background (WCAG 1.4.11)", () => {
    for (const colour of SERIES_COLOURS) expect(contrast(colour, "#ffffff"), colour).toBeGreaterThanOrEqual(3);
  });

  it("no two series share a colour or look alike in lightness alone", () => {
    for (const [i, a] of SERIES_COLOURS.entries())
      for (const b of SERIES_COLOURS.slice(i + 1)) expect(a === b || contrast(a, b) < 1.1, `${a} and ${b}`).toBe(false);
  });
});
