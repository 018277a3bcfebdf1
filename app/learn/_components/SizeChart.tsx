"use client";
import { useMemo } from "react";
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatRate } from "../../../lib/format";
import { tokensPerSecondBySize } from "../../../lib/lessons/charts";
import { ChartFrame, DataTable } from "./ChartFrame";
import { useScenario } from "./scenario-context";

const tick = (v: number) => formatCount(v);

/** Stage 2: tokens/s for one user vs model size on one GPU — the compute ceiling, the bandwidth ceiling, the estimate. */
export function SizeChart() {
  const { scenario: s, figures: f } = useScenario();
  const data = useMemo(() => tokensPerSecondBySize(s), [s]);
  return (
    <ChartFrame
      testId="chart-size"
      title={`Tokens per second for one user on one ${f.gpu.name}, ${s.weights.toUpperCase()} weights`}
      caption="Both axes are logarithmic. The top line is what the arithmetic alone would allow; the bottom line is what reading the bytes allows; the dots are the full estimate (only for models that fit on one GPU)."
      table={
        <DataTable
          head={["Model", "Parameters", "Compute ceiling", "Bandwidth ceiling", "Estimate"]}
          rows={data.map((p) => [
            p.name,
            `${formatCount(p.paramsB)} B`,
            formatRate(p.computeTps),
            formatRate(p.bandwidthTps),
            p.estimateTps === null ? "does not fit" : formatRate(p.estimateTps),
          ])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 10, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis
            type="number"
            dataKey="paramsB"
            scale="log"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(v: number) => `${tick(v)}B`}
            label={{ value: "parameters (billions)", position: "bottom", offset: 6 }}
          />
          <YAxis type="number" scale="log" domain={["auto", "auto"]} tickFormatter={tick} width={56} allowDataOverflow />
          <Tooltip formatter={(v) => formatRate(Number(v))} labelFormatter={(v) => `${tick(Number(v))} B parameters`} />
          <Legend verticalAlign="top" height={28} />
          <Line dataKey="computeTps" name="compute ceiling" stroke="#d97706" strokeWidth={2} dot isAnimationActive={false} />
          <Line dataKey="bandwidthTps" name="bandwidth ceiling" stroke="#2563eb" strokeWidth={2} dot isAnimationActive={false} />
          <Scatter dataKey="estimateTps" name="estimate" fill="#059669" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
