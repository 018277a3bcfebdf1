"use client";
import { useMemo } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatMs, formatRate, formatUsd } from "../../../lib/format";
import { throughputByBatch } from "../../../lib/lessons/charts";
import { ChartFrame, DataTable } from "./ChartFrame";
import { useScenario } from "./scenario-context";

/** Batch vs throughput: total tokens/s climbs with concurrent users while each user's tokens/s falls. */
export function BatchChart() {
  const { scenario: s, figures: f } = useScenario();
  const data = useMemo(() => throughputByBatch(s), [s]);
  return (
    <ChartFrame
      testId="chart-batch"
      title={`Throughput vs concurrent users: ${f.model.name} on ${s.gpus} × ${f.gpu.name}`}
      caption="Concurrent users on a logarithmic axis. Left axis: output tokens per second of the whole replica. Right axis: tokens per second each user sees. Past the KV-cache limit extra users only queue."
      table={
        <DataTable
          head={["Users", "Replica tok/s", "Per user", "Time per token", "$ per M output", "Queued?"]}
          rows={data.map((p) => [
            formatCount(p.concurrency),
            formatRate(p.throughput),
            formatRate(p.perUser),
            formatMs(p.tpotMs),
            formatUsd(p.costPerMillionOutput),
            p.queued ? "yes" : "no",
          ])}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 10, right: 8, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
          <XAxis type="number" dataKey="concurrency" scale="log" domain={["dataMin", "dataMax"]} tickFormatter={formatCount} label={{ value: "concurrent users", position: "bottom", offset: 6 }} />
          <YAxis yAxisId="total" type="number" tickFormatter={formatCount} width={56} />
          <YAxis yAxisId="user" orientation="right" type="number" tickFormatter={formatCount} width={44} />
          <Tooltip formatter={(v) => formatRate(Number(v))} labelFormatter={(v) => `${formatCount(Number(v))} users`} />
          <Legend verticalAlign="top" height={28} />
          <Line yAxisId="total" dataKey="throughput" name="replica tok/s" stroke="#2563eb" strokeWidth={2} isAnimationActive={false} />
          <Line yAxisId="user" dataKey="perUser" name="tok/s per user" stroke="#d97706" strokeWidth={2} strokeDasharray="5 4" isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
