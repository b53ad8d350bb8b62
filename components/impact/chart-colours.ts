// The colours of a chart's series, in the order of its bars. Each has at least 3:1 contrast with the white chart
// background (WCAG 1.4.11); the bars of a group stand apart, so each meets only white. Blue and orange stay apart for
// every common colour-vision deficiency, and purple and dark red differ from them in lightness; the key, the tooltip and
// the table beside every chart say the same without colour.
export const SERIES_COLOURS = ["#005eb8", "#b35400", "#330072", "#8a1538"] as const;

export const seriesColour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length];
