import type { EngineId, KvPrecision, WeightPrecision } from "../catalog/types";

/**
 * One measured benchmark from NVIDIA aiconfigurator's silicon_sample.csv (aggregated serving): a fixed number of
 * requests kept in flight against one replica, every request with the same input and output length.
 * Transcribed by `npm run transcribe` into measurements.generated.ts; times in milliseconds (the names say so).
 */
export interface MeasuredRow {
  /** Upstream row id. */
  readonly id: string;
  /** Hugging Face model path as measured (e.g. "nvidia/DeepSeek-R1-NVFP4"). */
  readonly hfModel: string;
  /** Catalog model id with the same architecture, or null when the catalog has none. */
  readonly model: string | null;
  /** Catalog GPU id. */
  readonly gpu: string;
  readonly engine: EngineId;
  /** Engine version; null where the upstream row did not record it. */
  readonly engineVersion: string | null;
  readonly weights: WeightPrecision;
  readonly isl: number;
  readonly osl: number;
  /** Requests in flight against the replica during the run. */
  readonly concurrency: number;
  /** Upstream batch size (per attention rank where attention data parallelism is used); null when absent. */
  readonly batchSize: number | null;
  readonly tp: number;
  readonly pp: number;
  /** Attention data-parallel ranks in the replica (empty or 0 upstream → 1). */
  readonly dp: number;
  readonly moeTp: number | null;
  readonly moeEp: number | null;
  readonly ttftMs: number;
  readonly tpotMs: number;
  /** Measurement date from silicon_data_source, when recorded. */
  readonly measured: string | null;
  /** Upstream path + row id + provenance (source file, date). */
  readonly source: string;
}

/** What a published figure measures, in the estimator's terms. */
export type PublicMetric =
  | "output_tps_total"
  | "output_tps_per_gpu"
  | "tokens_per_s_per_user"
  | "ttft_ms"
  | "itl_ms";

/**
 * One figure from a public benchmark document (../shared/reference/measurements-public.csv) that the estimator can
 * express: a catalog model, a catalog GPU, a modelled engine and precision, fixed ISL/OSL.
 */
export interface PublicRow {
  /** 1-based data row number in measurements-public.csv. */
  readonly row: number;
  /** Model name as the source gives it. */
  readonly modelName: string;
  /** Catalog model id predicted for it (same architecture; see `modelNote`). */
  readonly model: string;
  readonly modelNote: string | null;
  readonly gpuName: string;
  readonly gpu: string;
  readonly engine: EngineId;
  /** Engine and benchmark tool as the source states them. */
  readonly engineLabel: string;
  readonly weights: WeightPrecision;
  readonly kv: KvPrecision | null;
  readonly numGpus: number;
  readonly tp: number;
  readonly pp: number;
  readonly dp: number;
  readonly moeTp: number | null;
  readonly moeEp: number | null;
  readonly isl: number;
  readonly osl: number;
  /**
   * Requests in flight (static batch or closed-loop concurrency, see `notes`); null when the source only says "all
   * requests at once", in which case the running batch is whatever fits the KV cache.
   */
  readonly concurrency: number | null;
  readonly metric: PublicMetric;
  readonly value: number;
  readonly unit: string;
  /**
   * The source flags the figure (suspected typo, speculative decoding without a stated draft count, totals labelled
   * per GPU).
   */
  readonly suspect: boolean;
  /** MTP speculative decoding's draft tokens per iteration, where the source states them; absent when off. */
  readonly mtpDraftTokens?: number;
  readonly source: string;
  readonly sourceDetail: string;
  readonly notes: string;
}

/** Attribution of the measured rows, shown once on the page. */
export interface MeasurementsProvenance {
  readonly generatedOn: string;
  readonly aic: {
    readonly repo: string;
    readonly path: string;
    readonly commit: string;
    readonly license: string;
    readonly owner: string;
    readonly csvRows: number;
    readonly transcribedRows: number;
  };
  readonly public: {
    readonly file: string;
    readonly csvRows: number;
    readonly transcribedRows: number;
  };
}
