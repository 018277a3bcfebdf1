"use client";
import { useMemo } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "../../../lib/format";
import { capacityByContext } from "../../../lib/lessons/charts";
import { ChartFrame, DataTable } from "./ChartFrame";
import { useScenario } from "./scenario-context";

/** Stage 3: concurrent users the KV cache holds vs tokens per request — the capacity cliff. */
export function CapacityChart() {
  const { scenario: s, figures: f } = useScenario();
  const { points, kv, altKv } = useMemo(() => capacityByContext(s), [s]);
  const main = `KV cache at ${kv.toUpperCase()}`;
  const alt = `KV cache at ${altKv.toUpperCase()}`;
  return (
    <ChartFrame
      testId="chart-capacity"
      title={`Concurrent requests that fit: ${f.model.name} on ${s.gpus} × ${f.gpu.name}`}
      caption="Tokens per request (prompt plus output) on a logarithmic axis. Every doubling of context halves the users who fit — until not even one does."
      table={
        <DataTable
          head={["Tokens per request", main, alt]}
          rows={points.map((p) => [formatCount(p.context), formatCount(p.users), formatCount(p.usersAlt)])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 10, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis type="number" dataKey="context" scale="log" domain={["dataMin", "dataMax"]} tickFormatter={formatCount} label={{ value: "tokens per request", position: "bottom", offset: 6 }} />
          <YAxis type="number" tickFormatter={formatCount} width={56} />
          <Tooltip formatter={(v) => formatCount(Number(v))} labelFormatter={(v) => `${formatCount(Number(v))} tokens per request`} />
          <Legend verticalAlign="top" height={28} />
          <Line dataKey="users" name={main} stroke="#059669" strokeWidth={2} isAnimationActive={false} />
          <Line dataKey="usersAlt" name={alt} stroke="#7c3aed" strokeWidth={2} strokeDasharray="5 4" isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
