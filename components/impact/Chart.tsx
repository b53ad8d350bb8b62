import { seriesColour } from "./chart-colours";
import { LazyBars } from "./LazyBars";

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
 * legend sorts its items alphabetically); the frame, name and key render on the server, the bars in the browser.
 */
export function Chart({ title, summary, data, categoryKey, series }: Props) {
  return (
    <figure className="mb-4">
      <figcaption className="mb-2 text-xl font-bold">{title}</figcaption>
      <div role="img" aria-label={`${title}. ${summary}`} className="h-72 w-full bg-white p-2">
        <LazyBars data={data} categoryKey={categoryKey} series={series} />
      </div>
      <noscript>
        <p className="mt-2">The bars are drawn with JavaScript, which is off: the table gives the same figures.</p>
      </noscript>
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
