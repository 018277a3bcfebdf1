import type { Metadata } from "next";
import { METRIC_LABELS, UNSTATED_BATCH_CAP } from "../../lib/validation";
import { Explorer } from "./_components/Explorer";
import { count, pct, ratio, signedPct } from "./_components/fmt";
import { ENGINE_NAMES } from "./_components/engines";
import { PublicTable } from "./_components/PublicTable";
import { PublicByGpu, UnmeasuredGpusLine } from "./_components/PublicByGpu";
import { BroaderTable, MarginalTable, RegimeTable } from "./_components/RegimeTables";
import { BenchmarkRecipes } from "./_components/BenchmarkRecipes";
import { DocumentedFactors } from "./_components/DocumentedFactors";
import { HeldOut } from "./_components/HeldOut";
import { Releases } from "./_components/Releases";
import { UnseenHardware } from "./_components/UnseenHardware";
import { ForwardInTime } from "./_components/ForwardInTime";
import { validationView } from "./_lib/view-model";
import { OpenLoop } from "./_components/OpenLoop";
import { FieldRuns } from "./_components/FieldRuns";
import { FieldOpenLoop } from "./_components/FieldOpenLoop";
import { calibrationCoverage, liveField, liveFieldOpenLoop, liveOpenLoop } from "../../lib/validation/live";
import { engineSettingDefaults } from "../../lib/model/engine-settings";
import { getGpu } from "../../lib/catalog";

export const metadata: Metadata = {
  title: "Validation",
  description: "Atlas predictions against measured serving latencies, by regime, with confidence levels.",
};

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded border border-neutral-200 p-3 dark:border-neutral-800">
      <div className="text-xs text-neutral-500">{label}</div>
      <div className="text-xl font-semibold" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section id={id} className="scroll-mt-20 space-y-3">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default function ValidatePage() {
  const v = validationView();
  const o = v.overall;
  const p = v.provenance;
  const R = v.rules;
  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">How well the predictions hold</h1>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Every measured benchmark shipped with Atlas is predicted here by the current estimator, when the page is
          built, and compared with what the hardware did. {count(p.aic.transcribedRows)} records of aggregated-serving
          runs of vLLM, SGLang and TensorRT-LLM on H100, H200, B200 and GB200 ({count(o.rows)} distinct runs: {count(p.aic.transcribedRows - o.rows)}{" "}
          records repeat a run already counted, with the same setup and the same figures, and count once) come from{" "}
          {p.aic.owner} aiconfigurator (
          <code>{p.aic.repo}</code>, <code className="break-all">{p.aic.path}</code>, commit <code>{p.aic.commit.slice(0, 7)}</code>,{" "}
          {p.aic.license}); {count(p.public.transcribedRows)} published throughput and latency figures come from public
          benchmark documents. Transcribed on {p.generatedOn} by <code>npm run transcribe</code>.
        </p>
        <nav aria-label="On this page" className="flex flex-wrap gap-3 text-sm">
          {[
            ["summary", "Summary"],
            ["held-out", "On unseen models"],
            ["unseen-hardware", "On unseen GPUs"],
            ["scatter", "Predicted vs measured"],
            ["confidence", "Confidence by regime"],
            ["failure-modes", "Known failure modes"],
            ["published", "Published figures"],
          ].map(([id, label]) => (
            <a key={id} href={`#${id}`} className="underline">
              {label}
            </a>
          ))}
        </nav>
      </header>

      <Section id="summary" title="Summary">
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Figure label="Measured runs" value={count(o.rows)} testId="summary-rows" />
          <Figure label="Share predicted" value={pct(o.sharePredicted)} testId="summary-share-predicted" />
          <Figure label="TPOT MdAPE" value={pct(o.tpotMdape)} testId="summary-tpot-mdape" />
          <Figure label="TTFT MdAPE" value={pct(o.ttftMdape)} testId="summary-ttft-mdape" />
          <Figure label={`TPOT within ±${pct(v.band)}`} value={pct(o.tpotWithinBand)} />
          <Figure label={`TTFT within ±${pct(v.band)}`} value={pct(o.ttftWithinBand)} />
          <Figure label="TPOT bias (median signed)" value={signedPct(o.tpotBias)} />
          <Figure label="TTFT bias (median signed)" value={signedPct(o.ttftBias)} />
        </div>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-xs">
            <thead className="border-b border-neutral-300 dark:border-neutral-700">
              <tr>
                <th className="p-1">Engine</th>
                <th className="p-1 text-right">Predicted/rows</th>
                <th className="p-1 text-right">TPOT MdAPE</th>
                <th className="p-1 text-right">TTFT MdAPE</th>
                <th className="p-1 text-right">TPOT within ±{pct(v.band)}</th>
                <th className="p-1 text-right">TTFT within ±{pct(v.band)}</th>
              </tr>
            </thead>
            <tbody>
              {v.byEngine.map(({ engine, summary: s }) => (
                <tr key={engine} className="border-b border-neutral-200 dark:border-neutral-800">
                  <td className="p-1">{ENGINE_NAMES[engine]}</td>
                  <td className="p-1 text-right">
                    {count(s.predicted)}/{count(s.rows)}
                  </td>
                  <td className="p-1 text-right">{pct(s.tpotMdape)}</td>
                  <td className="p-1 text-right">{pct(s.ttftMdape)}</td>
                  <td className="p-1 text-right">{pct(s.tpotWithinBand)}</td>
                  <td className="p-1 text-right">{pct(s.ttftWithinBand)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {v.unpredicted.length > 0 ? (
          <p className="text-xs text-neutral-500" data-testid="unpredicted">
            Not predicted:{" "}
            {v.unpredicted.map((u) => `${u.reason} (${count(u.count)})`).join("; ")}.
          </p>
        ) : null}
        <HeldOut
          calibration={v.calibration}
          heldOut={v.heldOut}
          repeatTtft={v.repeatability.pairs > 0 ? v.repeatability.ttftMdape : null}
          overshoots={v.moeOvershoots}
        />
        <UnseenHardware heldOut={v.heldOutHardware} measuredGenerations={v.table.measuredValues.generation} />
        <UnmeasuredGpusLine groups={v.publicByGpu} />
        <ForwardInTime heldOut={v.heldOutTime} />
        <DocumentedFactors />
        <BenchmarkRecipes recipes={v.recipes} />
      </Section>

      <Section id="scatter" title="Predicted vs measured">
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Log-log; the solid line is a perfect prediction, the dashed lines the ±{pct(v.band)} band. The filters apply
          to the chart and the table below it.
        </p>
        <Explorer rows={v.rows} band={v.band} sourcePrefix={v.sourcePrefix} />
      </Section>

      <Section id="confidence" title="Confidence by regime">
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Each regime earns its level from the measured errors of its own rows, never by hand: <b>high</b> with at
          least {R.high.minRows} predicted rows, TPOT MdAPE ≤ {pct(R.high.tpotMdape)}, TTFT MdAPE ≤{" "}
          {pct(R.high.ttftMdape)} and ≥ {pct(R.high.sharePredicted)} of rows predicted; <b>medium</b> with TPOT MdAPE ≤{" "}
          {pct(R.medium.tpotMdape)}, TTFT MdAPE ≤ {pct(R.medium.ttftMdape)} and ≥ {pct(R.medium.sharePredicted)}{" "}
          predicted; <b>low</b> otherwise. The same rules are applied again to the regime&apos;s errors on models the fit
          never saw (leave-one-model-out, the &ldquo;held out&rdquo; column, computed by <code>npm run calibrate</code>),
          and, on the TPOT limits, to the published throughput figures that fall in the regime (the &ldquo;published
          throughput&rdquo; column: other harnesses and releases, many on models and GPUs the fit never had; judged
          where at least {R.minRows} fall in it). The lowest level counts: most users plan for a model nobody measured,
          on a setup nobody calibrated. A regime with fewer than {R.minRows} predicted rows is judged on a broader one
          (architecture × batch × GPU generation, then × batch, then architecture), capped at medium; a GPU generation
          or engine never measured is low. Bias is the median signed error: positive means predicted slower than
          measured. The badges in the calculator and the planner link to these rows.
        </p>
        <h3 className="text-sm font-semibold">One dimension at a time</h3>
        <MarginalTable rows={v.marginals} />
        <h3 className="text-sm font-semibold">Architecture × batch × GPU generation × engine, by context length</h3>
        <RegimeTable blocks={v.blocks} />
        <h3 className="text-sm font-semibold">Broader regimes (used when a regime has too few rows)</h3>
        <BroaderTable rows={v.broader} />
      </Section>

      <Section id="failure-modes" title="Known failure modes">
        {v.failureModes.length === 0 ? (
          <p className="text-sm">No regime with at least {R.minRows} predicted rows is rated low.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="failure-modes">
            {v.failureModes.map((f) => (
              <li key={f.regime.id}>
                <a href={`#${f.regime.id}`} className="underline">
                  {f.text}
                </a>
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm">
          MoE at batch 1–8, per-user decode speed 1/TPOT of the rows above (never to be overstated by more than{" "}
          {ratio(v.moeSmallBatch.limit)}):
          worst overstatement {ratio(v.moeSmallBatch.worst)} over {count(v.moeSmallBatch.rows)} predicted rows;{" "}
          {count(v.moeSmallBatch.over)} rows beyond {ratio(v.moeSmallBatch.limit)}.
        </p>
        <p className="text-sm" data-testid="repeatability">
          How repeatable the measurements themselves are: {count(v.repeatability.setups)} setups (same model, GPU,
          engine, precision, ISL/OSL, concurrency and layout) were benchmarked in {count(v.repeatability.runs)} distinct
          runs ({v.repeatability.setupsByModel.map((m) => `${m.hfModel} ${count(m.setups)}`).join(", ")}). Predicting
          each run by another run of the same setup is off by a median of{" "}
          {pct(v.repeatability.ttftMdape)} in TTFT and {pct(v.repeatability.tpotMdape)} in TPOT ({pct(v.repeatability.ttftWithinBand)}{" "}
          and {pct(v.repeatability.tpotWithinBand)} of {count(v.repeatability.pairs)} pairs within ±{pct(v.band)}). That is
          the floor under any estimator&apos;s error on this data: engine images, harness versions and options the rows do
          not record move the figures as much as the model does. The runs identified as speculative decoding (see the
          benchmark recipes) are left out of these pairs: they are another setup, not a repeat.
        </p>
        <Releases report={v.releases} />
      </Section>

      <Section id="published" title="Published figures vs predictions">
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          {count(p.public.transcribedRows)} of {count(p.public.csvRows)} figures in the reference set can be expressed
          by the estimator (a catalog model and GPU, TensorRT-LLM, a modelled precision, fixed ISL/OSL). Most of these
          documents do not state the running batch: those figures are predicted at the largest batch the estimator
          fits in memory, capped at {count(UNSTATED_BATCH_CAP)} (TensorRT-LLM&apos;s documented max batch size), so they
          test the memory-capacity model as much as the step time. Figures the source flags (⚑) are left out of the
          statistics. First-token latencies measured with <code>gptSessionBenchmark</code> ({count(v.publicInProcessTtft)}{" "}
          figures) come from an in-process static batch with no server or scheduler: they are compared with the
          estimate&apos;s prefill of one prompt alone, not with the TTFT of a served request.
        </p>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-xs" data-testid="public-summary">
            <thead className="border-b border-neutral-300 dark:border-neutral-700">
              <tr>
                <th className="p-1">Metric</th>
                <th className="p-1">Batch</th>
                <th className="p-1 text-right">Predicted/figures</th>
                <th className="p-1 text-right">MdAPE</th>
                <th className="p-1 text-right">Bias</th>
                <th className="p-1 text-right">Within ±{pct(v.band)}</th>
              </tr>
            </thead>
            <tbody>
              {v.publicSummary.map((g) => (
                <tr key={g.key} className="border-b border-neutral-200 dark:border-neutral-800">
                  <td className="p-1">{METRIC_LABELS[g.metric]}</td>
                  <td className="p-1">{g.mode === "stated" ? "stated by the source" : "not stated (capacity)"}</td>
                  <td className="p-1 text-right">
                    {count(g.predicted)}/{count(g.rows)}
                  </td>
                  <td className="p-1 text-right">{pct(g.mdape)}</td>
                  <td className="p-1 text-right">{signedPct(g.bias)}</td>
                  <td className="p-1 text-right">{pct(g.withinBand)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <PublicByGpu groups={v.publicByGpu} band={v.band} />
        <PublicTable rows={v.publicRows} strings={v.publicStrings} band={v.band} metricLabels={METRIC_LABELS} />
        <OpenLoop report={liveOpenLoop()} calibratedT0Ms={engineSettingDefaults("trtllm", getGpu("h100-sxm")!).requestOverheadMs} />
        <FieldRuns report={liveField()} seen={calibrationCoverage()} />
        <FieldOpenLoop report={liveFieldOpenLoop()} />
      </Section>
    </div>
  );
}
