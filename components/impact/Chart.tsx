"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

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

// NHS blue, dark green, purple and warm yellow: distinguishable for common colour-vision deficiencies, and the
// legend, tooltip and the table beside every chart carry the same information without colour.
const COLOURS = ["#005eb8", "#007f3b", "#330072", "#ffb81c"];

/**
 * A grouped bar chart. The picture is one image to assistive technology (role="img" with the summary as its name),
 * so always place the table alternative beside it.
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
            <Tooltip />
            <Legend />
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
