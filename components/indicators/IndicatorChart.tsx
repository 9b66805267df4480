"use client";
// One indicator month by month: the planned trajectory, the actual figures, and the baseline
// year's figure as a reference line. The same numbers are in the history table below it.
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Built once: the axis formats every tick of every chart with it.
const AXIS_NUMBER = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

export interface ChartPoint {
  month: number;
  planned: number | null;
  actual: number | null;
}

export interface ChartLabels {
  planned: string;
  actual: string;
  baseline: string;
  monthTick: string;
}

export function IndicatorChart({
  name,
  unit,
  baseline,
  points,
  labels,
  summary,
}: {
  name: string;
  unit: string;
  baseline: number | null;
  points: ChartPoint[];
  labels: ChartLabels;
  /** A sentence for screen readers: what the chart shows. */
  summary: string;
}) {
  const format = (v: number) => AXIS_NUMBER.format(v);
  return (
    <figure className="card p-3" data-testid="indicator-chart">
      <figcaption className="mb-1 text-sm font-medium">
        {name}
        <span className="ml-1 text-xs text-slate-500">（{unit}）</span>
      </figcaption>
      <div role="img" aria-label={summary} className="h-52 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis
              dataKey="month"
              tickFormatter={(m: number) => labels.monthTick.replace("{m}", String(m))}
              tick={{ fontSize: 11 }}
              interval="preserveStartEnd"
            />
            <YAxis tick={{ fontSize: 11 }} width={44} tickFormatter={format} />
            <Tooltip
              formatter={(v) => (typeof v === "number" ? `${format(v)} ${unit}` : String(v))}
              labelFormatter={(m) => labels.monthTick.replace("{m}", String(m))}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {baseline !== null && (
              <ReferenceLine
                y={baseline}
                stroke="#64748b"
                strokeDasharray="6 3"
                label={{ value: labels.baseline, fontSize: 11, fill: "#475569", position: "insideTopLeft" }}
              />
            )}
            <Line type="linear" dataKey="planned" name={labels.planned} stroke="#94a3b8" strokeDasharray="4 4" dot={false} isAnimationActive={false} />
            <Line type="linear" dataKey="actual" name={labels.actual} stroke="#b91c1c" strokeWidth={2} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
