/**
 * Loads ../shared/calibration (CSV rows + hf-configs) for scripts/calibrate.ts and scripts/validate.ts.
 * Models come from the Hugging Face configs through the catalog's importHfConfig when it is available, else from the
 * catalog entry of the same architecture.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { GpuSpec, ModelArch } from "../lib/catalog/types";
import { getGpu } from "../lib/catalog/gpus";
import { getModel } from "../lib/catalog/models";
import { parseCsv } from "../lib/model/calib/csv";
import { distinctRuns, mapCsvRecord, normaliseRow, type CalibRow } from "../lib/model/calib/rows";

export const SHARED = path.resolve(process.cwd(), "../shared");
export const CSV_PATH = path.join(SHARED, "calibration/aic-silicon-agg.csv");
export const CONFIG_DIR = path.join(SHARED, "calibration/hf-configs");

const ARCH_TO_CATALOG: Record<string, string> = {
  "meta-llama--Meta-Llama-3.1-8B": "llama-3.1-8b",
  "meta-llama--Meta-Llama-3.1-70B": "llama-3.1-70b",
  "Qwen--Qwen3-32B": "qwen3-32b",
  "deepseek-ai--DeepSeek-R1": "deepseek-r1",
  "openai--gpt-oss-120b": "gpt-oss-120b",
};

type Importer = (json: unknown, opts?: { id?: string; name?: string }) => ModelArch;

async function importer(): Promise<Importer | null> {
  const p = path.resolve(process.cwd(), "lib/catalog/hf-import.ts");
  if (!existsSync(p)) return null;
  const mod = (await import(p)) as { importHfConfig?: Importer };
  return mod.importHfConfig ?? null;
}

export interface CalibrationData {
  readonly rows: CalibRow[];
  readonly skipped: { id: string; reason: string }[];
  /** Rows remapped by normaliseRow (upstream tp×ep encoding). */
  readonly normalised: number;
  /** Records dropped because they repeat a run already counted (same setup, same figures; distinctRuns). */
  readonly repeatedRecords: number;
  readonly models: Map<string, ModelArch>;
  readonly gpus: Map<string, GpuSpec>;
  readonly modelSource: "hf-import" | "catalog";
}

export async function loadCalibration(): Promise<CalibrationData> {
  const recs = parseCsv(readFileSync(CSV_PATH, "utf8"));
  const rows: CalibRow[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const r of recs) {
    const m = mapCsvRecord(r);
    if (m.ok) rows.push(m.row);
    else skipped.push({ id: r.id ?? "", reason: m.reason });
  }
  const imp = await importer();
  const models = new Map<string, ModelArch>();
  for (const arch of new Set(rows.map((r) => r.arch))) {
    let m: ModelArch | undefined;
    if (imp) {
      const json: unknown = JSON.parse(readFileSync(path.join(CONFIG_DIR, `${arch}.json`), "utf8"));
      m = imp(json, { id: arch, name: arch });
    } else {
      const id = ARCH_TO_CATALOG[arch];
      m = id ? getModel(id) : undefined;
    }
    if (!m) throw new Error(`no model for ${arch}`);
    models.set(arch, m);
  }
  const gpus = new Map<string, GpuSpec>();
  for (const g of new Set(rows.map((r) => r.gpu))) {
    const spec = getGpu(g);
    if (!spec) throw new Error(`no GPU ${g} in the catalog`);
    gpus.set(g, spec);
  }
  let normalised = 0;
  const clean = rows.map((r) => {
    const n = normaliseRow(r, gpus.get(r.gpu)!.nvlinkDomain, models.get(r.arch)!.attention.numHeads);
    if (n !== r) normalised++;
    return n;
  });
  const distinct = distinctRuns(clean);
  return {
    rows: distinct,
    skipped,
    normalised,
    repeatedRecords: clean.length - distinct.length,
    models,
    gpus,
    modelSource: imp ? "hf-import" : "catalog",
  };
}
