/**
 * Spine: five stages, each a question a product person asks, answered with the scenario's own numbers.
 * Stage 4 has three sub-pages (memory, compute and system levers).
 */
export interface SpineSubpage {
  readonly slug: string;
  readonly path: string;
  readonly title: string;
  readonly blurb: string;
}

export interface SpineStage {
  readonly n: number;
  readonly slug: string;
  readonly path: string;
  /** Short title for navigation. */
  readonly title: string;
  /** The hook question the stage answers. */
  readonly hook: string;
  readonly blurb: string;
  readonly subpages: readonly SpineSubpage[];
}

export const STAGES: readonly SpineStage[] = [
  {
    n: 1,
    slug: "output-tokens",
    path: "/learn/output-tokens",
    title: "Output costs more",
    hook: "Why do output tokens cost more than input tokens?",
    blurb: "Prefill reads the weights once for the whole prompt; decode reads them again for every token it writes.",
    subpages: [],
  },
  {
    n: 2,
    slug: "model-size",
    path: "/learn/model-size",
    title: "Bigger is slower",
    hook: "Why is a 70B model so much slower per token than an 8B?",
    blurb: "One user's speed is set by how fast the GPU can read the weights, not by how fast it can multiply.",
    subpages: [],
  },
  {
    n: 3,
    slug: "concurrency",
    path: "/learn/concurrency",
    title: "Few users fit",
    hook: "Why does an 80 GB GPU serve so few concurrent users?",
    blurb: "Every user carries a KV cache that grows with context; the memory left after the weights runs out fast.",
    subpages: [],
  },
  {
    n: 4,
    slug: "levers",
    path: "/learn/levers",
    title: "Which lever",
    hook: "Which lever should I reach for?",
    blurb: "Start from what binds — bandwidth, capacity, compute, communication — and pick the lever that moves it.",
    subpages: [
      {
        slug: "memory",
        path: "/learn/levers/memory",
        title: "Memory levers",
        blurb: "Weight quantisation, KV quantisation, and attention designs (GQA, MLA) that shrink the cache.",
      },
      {
        slug: "compute",
        path: "/learn/levers/compute",
        title: "Compute levers",
        blurb: "Mixture of experts (total vs active parameters) and speculative decoding.",
      },
      {
        slug: "system",
        path: "/learn/levers/system",
        title: "System levers",
        blurb: "Continuous batching, paged attention and prefix caching, TP/PP/EP, and the engine.",
      },
    ],
  },
  {
    n: 5,
    slug: "slo-and-budget",
    path: "/learn/slo-and-budget",
    title: "What to run",
    hook: "Given an SLO and a budget, what should I run?",
    blurb: "Each target binds a different resource. Name them, then let the planner search.",
    subpages: [],
  },
];

export function getStage(n: number): SpineStage {
  const s = STAGES.find((x) => x.n === n);
  if (!s) throw new Error(`no stage ${n}`);
  return s;
}
