const count = new Intl.NumberFormat("en-GB");
const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });

export const formatCount = (n: number | null) => (n === null ? "Not recorded" : count.format(n));
/** A rate, or "Not applicable" when there was nothing to divide by (no learners enrolled or completed). */
export const formatRate = (rate: number | null) => (rate === null ? "Not applicable" : percent.format(rate));
