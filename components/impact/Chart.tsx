"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { seriesColour } from "./chart-colours";

export type ChartSeries = { key: string; label: string };

type Props = {
  title: string;
  /** One or two sentences saying what the chart shows; read out in place of the picture. */
  summary: string;
  data: Record<string, string | number | null>[];
  /** The field naming each group of bars (period, profession). */
  categoryKey: string;
  series: ChartSeries[];
};

/**
 * A grouped bar chart. The picture is one image to assistive technology (role="img" with the summary as its name),
 * so always place the table alternative beside it. The key is plain HTML in the order of the bars (Recharts' own
 * legend sorts its items alphabetically).
 */
export function Chart({ title, summary, data, categoryKey, series }: Props) {
  return (
    <figure className="mb-4">
      <figcaption className="mb-2 text-xl font-bold">{title}</figcaption>
      <div role="img" aria-label={`${title}. ${summary}`} className="h-72 w-full bg-white p-2">
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
      </div>
      <ul aria-label={`Key to ${title.toLowerCase()}`} className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
        {series.map((s, i) => (
          <li key={s.key} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-4 w-4" style={{ backgroundColor: seriesColour(i) }} />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
