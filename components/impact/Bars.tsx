"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartSeries } from "./Chart";
import { seriesColour } from "./chart-colours";

export type BarsProps = {
  data: Record<string, string | number | null>[];
  /** The field naming each group of bars (period, profession). */
  categoryKey: string;
  series: ChartSeries[];
};

/** The picture of a chart: Recharts' grouped bars, drawn in the browser (see LazyBars). */
export default function Bars({ data, categoryKey, series }: BarsProps) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 270 }}>
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={categoryKey} tick={{ fill: "#212b32" }} />
        <YAxis allowDecimals={false} tick={{ fill: "#212b32" }} />
        <Tooltip itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)} />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={seriesColour(i)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
