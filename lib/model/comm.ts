import type { GpuSpec } from "../catalog/types";

/**
 * Collectives between GPUs.
 * Inside an NVLink / Infinity Fabric domain the link is the GPU's scale-up bandwidth; a collective whose group spans
 * more GPUs than one domain runs at the scale-out network's per-GPU bandwidth (one 400 Gb/s NIC per GPU = 50 GB/s)
 * with a larger per-call latency.
 */
export const INTER_NODE_BANDWIDTH = 50e9; // B/s per GPU, 400 Gb/s InfiniBand / RoCE NIC
export const INTER_NODE_LATENCY_FACTOR = 4; // per-call latency multiplier across nodes (network RTT vs NVLink)

export interface Link {
  /** Achieved bytes/s per GPU for the collective. */
  readonly bandwidth: number;
  /** Seconds per call. */
  readonly latency: number;
}

export function linkFor(gpu: GpuSpec, groupSize: number, commEff: number, commLatencyS: number): Link {
  if (groupSize <= gpu.nvlinkDomain) {
    return { bandwidth: gpu.interconnectBandwidth * commEff, latency: commLatencyS };
  }
  return {
    bandwidth: Math.min(gpu.interconnectBandwidth, INTER_NODE_BANDWIDTH) * commEff,
    latency: commLatencyS * INTER_NODE_LATENCY_FACTOR,
  };
}

/** Ring all-reduce of `bytes` over n GPUs: latency + 2(n−1)/n · bytes / bandwidth. Zero for n = 1. */
export function allReduceTime(bytes: number, n: number, bandwidth: number, latency: number): number {
  if (n <= 1) return 0;
  return latency + ((2 * (n - 1)) / n) * (bytes / bandwidth);
}

/** All-gather / reduce-scatter / all-to-all where each GPU moves `bytes` in total: latency + (n−1)/n · bytes / bw. */
export function collectiveTime(bytes: number, n: number, bandwidth: number, latency: number): number {
  if (n <= 1) return 0;
  return latency + (((n - 1) / n) * bytes) / bandwidth;
}
