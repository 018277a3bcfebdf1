"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatBytes, formatCount } from "../../../lib/format";
import { useScenario } from "./scenario-context";

/** The example the diagram follows: a prompt, its sub-word pieces (illustrative), the first word of the answer. */
const PROMPT = "What is photosynthesis?";
const PIECES = ["What", " is", " photos", "ynth", "esis", "?"];
const ANSWER = "Plants";

const W = 520;
const X0 = 90;
const X1 = 410;
const CX = (X0 + X1) / 2;

type Tone = "weights" | "act" | "kv" | "io";
const FILL: Readonly<Record<Tone, string>> = {
  weights: "fill-accent-100 stroke-accent-600 dark:fill-accent-700/30 dark:stroke-accent-300",
  act: "fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500",
  kv: "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-900/30 dark:stroke-emerald-400",
  io: "fill-amber-50 stroke-amber-600 dark:fill-amber-900/30 dark:stroke-amber-400",
};

function Box(props: { x: number; y: number; w: number; h: number; tone: Tone; label: string; sub?: string | undefined; href?: string | undefined }) {
  const { x, y, w, h, tone, label, sub, href } = props;
  const body = (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={6} className={`${FILL[tone]} stroke-[1.5]`} />
      <text x={x + w / 2} y={sub ? y + h / 2 - 3 : y + h / 2 + 4.5} textAnchor="middle" className="fill-slate-900 text-[13px] font-semibold dark:fill-slate-100">
        {label}
      </text>
      {sub && (
        <text x={x + w / 2} y={y + h / 2 + 12} textAnchor="middle" className="fill-slate-600 text-[11px] dark:fill-slate-300">
          {sub}
        </text>
      )}
    </g>
  );
  if (!href) return body;
  return (
    <Link href={href} aria-label={`${label}${sub ? ` (${sub})` : ""}: open the Atlas card`} className="focus:outline-none [&:focus-visible>g>rect]:stroke-[3]">
      {body}
    </Link>
  );
}

function Arrow({ x1, y1, x2, y2, dashed = false }: { x1: number; y1: number; x2: number; y2: number; dashed?: boolean }) {
  return (
    <line
      x1={x1}
      y1={y1}
      x2={x2}
      y2={y2}
      markerEnd="url(#tp-arrow)"
      className="stroke-slate-500 dark:stroke-slate-400"
      strokeWidth={1.5}
      strokeDasharray={dashed ? "4 3" : undefined}
    />
  );
}

function Note({ x, y, children, anchor = "start" }: { x: number; y: number; children: ReactNode; anchor?: "start" | "middle" | "end" }) {
  return (
    <text x={x} y={y} textAnchor={anchor} className="fill-slate-600 text-[11px] dark:fill-slate-300">
      {children}
    </text>
  );
}

/**
 * The path of one token through the scenario's model, drawn: prompt → sub-word tokens → embedding → L transformer
 * blocks (pre-norm attention with RoPE and a growing KV cache, SwiGLU FFN, residuals) → final norm → LM head →
 * softmax and a pick → the next word, fed back in once per output token. Boxes link to their Atlas cards; sizes are
 * the model's.
 */
export function TokenPath() {
  const { figures: f, href } = useScenario();
  const m = f.model;
  const a = m.attention;
  const card = (section: string, slug: string) => href(`/learn/atlas/${section}/${slug}`);
  const nq = a.numHeads;
  const kvLabel = a.kind === "gqa" ? `K, V: d × ${formatCount(a.numKvHeads * a.headDim)}` : `latent: d × ${formatCount(a.kvLoraRank + a.qkRopeHeadDim)}`;
  const ffnLabel = m.moe ? `${m.moe.expertsPerToken} of ${m.moe.numExperts} experts` : `d × ${formatCount(m.ffn.intermediateSize)}`;
  const kvRow = f.d["kv.bytesPerToken"]?.value;
  const chipW = (X1 - X0) / PIECES.length;

  return (
    <figure className="mx-auto w-full max-w-[min(36rem,calc(100vw-2rem))] overflow-x-auto" data-testid="token-path">
      {/* never narrower than 440 px: on a phone it scrolls sideways rather than shrinking its text below legibility */}
      <svg viewBox={`0 0 ${W} 960`} className="h-auto w-full min-w-[440px]" role="group" aria-labelledby="tp-title tp-desc">
        <title id="tp-title">{`The path of one token through ${m.name}`}</title>
        <desc id="tp-desc">
          {`The prompt is split into tokens, each looked up in the embedding table, passed through ${m.layers} transformer blocks of attention and feed-forward layers, turned into scores over the ${formatCount(m.vocabSize)}-entry vocabulary by the LM head, and one token is picked. That token is fed back in to make the next, once per output token, and each step appends a row to the KV cache.`}
        </desc>
        <defs>
          <marker id="tp-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="fill-slate-500 dark:fill-slate-400" />
          </marker>
        </defs>

        {/* Prompt and tokens */}
        <Box x={X0} y={8} w={X1 - X0} h={34} tone="io" label={`“${PROMPT}”`} />
        <Arrow x1={CX} y1={42} x2={CX} y2={60} />
        {PIECES.map((p, i) => (
          <g key={i}>
            <rect x={X0 + i * chipW + 2} y={62} width={chipW - 4} height={26} rx={5} className={`${FILL.io} stroke-1`} />
            <text x={X0 + i * chipW + chipW / 2} y={79} textAnchor="middle" className="fill-slate-900 font-mono text-[11px] dark:fill-slate-100">
              {p.replace(" ", "␣")}
            </text>
          </g>
        ))}
        <Note x={X1 + 8} y={80}>
          {PIECES.length} token IDs
        </Note>
        <Arrow x1={CX} y1={88} x2={CX} y2={108} />
        <Box x={X0} y={110} w={X1 - X0} h={40} tone="weights" label="Embedding" sub={`V × d = ${formatCount(m.vocabSize)} × ${formatCount(m.hiddenSize)}`} href={card("vocabulary", "embedding")} />
        <Arrow x1={CX} y1={150} x2={CX} y2={178} />

        {/* Transformer block × L */}
        <rect x={X0 - 30} y={180} width={X1 - X0 + 60} height={520} rx={10} className="fill-slate-50/60 stroke-slate-300 dark:fill-slate-800/30 dark:stroke-slate-600" strokeDasharray="6 4" />
        {/* right-aligned, clear of the residual path that leaves the centre line to the left */}
        <text x={X1 + 26} y={198} textAnchor="end" className="fill-slate-700 text-[12px] font-semibold dark:fill-slate-200">
          Transformer block × {m.layers}
        </text>
        <Box x={X0 + 60} y={206} w={X1 - X0 - 120} h={28} tone="act" label="RMSNorm (pre-norm)" href={card("norm", "rmsnorm")} />
        <Arrow x1={CX} y1={234} x2={CX} y2={248} />
        <Box x={X0} y={250} w={100} h={40} tone="weights" label="Q" sub={`d × ${formatCount(nq * (a.kind === "gqa" ? a.headDim : a.qkNopeHeadDim + a.qkRopeHeadDim))}`} href={card("attention", "qkv")} />
        <Box x={X0 + 110} y={250} w={X1 - X0 - 110} h={40} tone="weights" label="K, V" sub={kvLabel} href={card("attention", "qkv")} />
        <Arrow x1={X0 + 50} y1={290} x2={X0 + 50} y2={304} />
        <Arrow x1={X0 + 170} y1={290} x2={X0 + 170} y2={304} />
        <Box x={X0} y={306} w={230} h={26} tone="act" label="RoPE on Q and K" href={card("attention", "rope")} />
        {/* K/V cache, growing one row per step */}
        <Arrow x1={X1 - 20} y1={290} x2={440} y2={306} />
        <g>
          <rect x={436} y={304} width={76} height={96} rx={6} className={`${FILL.kv} stroke-[1.5]`} />
          {Array.from({ length: 6 }, (_, i) => (
            <rect key={i} x={444} y={312 + i * 12} width={60} height={8} rx={2} className={i === 5 ? "fill-emerald-500" : "fill-emerald-200 dark:fill-emerald-800"} />
          ))}
          <Note x={474} y={396} anchor="middle">
            +1 row/step
          </Note>
          <Note x={474} y={416} anchor="middle">
            {formatBytes(kvRow)}/token
          </Note>
        </g>
        <Link href={card("stack", "kv-cache")} aria-label="KV cache: open the Atlas card">
          <text x={474} y={298} textAnchor="middle" className="fill-emerald-700 text-[12px] font-semibold underline dark:fill-emerald-300">
            KV cache
          </text>
        </Link>
        <Arrow x1={CX - 20} y1={332} x2={CX - 20} y2={346} />
        <Box x={X0} y={348} w={100} h={34} tone="act" label="Q·Kᵀ" href={card("attention", "scores")} />
        <Box x={X0 + 110} y={348} w={100} h={34} tone="act" label="softmax" href={card("attention", "softmax")} />
        <Box x={X0 + 220} y={348} w={100} h={34} tone="act" label="· V" href={card("attention", "attention-v")} />
        <Arrow x1={436} y1={352} x2={X0 + 322} y2={360} dashed />
        <Arrow x1={X0 + 100} y1={365} x2={X0 + 108} y2={365} />
        <Arrow x1={X0 + 210} y1={365} x2={X0 + 218} y2={365} />
        <Arrow x1={CX} y1={382} x2={CX} y2={396} />
        <Box x={X0 + 40} y={398} w={X1 - X0 - 80} h={30} tone="weights" label="W_o (output projection)" href={card("attention", "output-projection")} />
        <Arrow x1={CX} y1={428} x2={CX} y2={440} />
        <circle cx={CX} cy={452} r={11} className="fill-white stroke-slate-500 dark:fill-slate-900 dark:stroke-slate-400" strokeWidth={1.5} />
        <text x={CX} y={457} textAnchor="middle" className="fill-slate-800 text-[14px] dark:fill-slate-100">
          +
        </text>
        {/* residual around attention */}
        <path d={`M ${CX} 196 H ${X0 - 14} V 452 H ${CX - 13}`} fill="none" markerEnd="url(#tp-arrow)" className="stroke-slate-400" strokeWidth={1.2} strokeDasharray="3 3" />
        <text x={X0 - 20} y={330} transform={`rotate(-90 ${X0 - 20} 330)`} textAnchor="middle" className="fill-slate-500 text-[10px] dark:fill-slate-400">
          residual
        </text>
        <Arrow x1={CX} y1={463} x2={CX} y2={476} />
        <Box x={X0 + 60} y={478} w={X1 - X0 - 120} h={28} tone="act" label="RMSNorm (post-attention)" href={card("norm", "rmsnorm")} />
        <Arrow x1={CX} y1={506} x2={CX} y2={520} />
        <Box x={X0} y={522} w={155} h={40} tone="weights" label="gate" sub={ffnLabel} href={card("ffn", m.moe ? "moe" : "gate-up")} />
        <Box x={X0 + 165} y={522} w={155} h={40} tone="weights" label="up" sub={ffnLabel} href={card("ffn", m.moe ? "moe" : "gate-up")} />
        <Arrow x1={X0 + 78} y1={562} x2={CX - 30} y2={578} />
        <Arrow x1={X0 + 243} y1={562} x2={CX + 30} y2={578} />
        <Box x={X0 + 60} y={580} w={X1 - X0 - 120} h={28} tone="act" label="SwiGLU: silu(gate) ⊙ up" href={card("ffn", "swiglu")} />
        <Arrow x1={CX} y1={608} x2={CX} y2={622} />
        <Box x={X0 + 40} y={624} w={X1 - X0 - 80} h={30} tone="weights" label="down" href={card("ffn", "down")} />
        <Arrow x1={CX} y1={654} x2={CX} y2={666} />
        <circle cx={CX} cy={678} r={11} className="fill-white stroke-slate-500 dark:fill-slate-900 dark:stroke-slate-400" strokeWidth={1.5} />
        <text x={CX} y={683} textAnchor="middle" className="fill-slate-800 text-[14px] dark:fill-slate-100">
          +
        </text>
        <path d={`M ${CX} 468 H ${X0 - 14} V 678 H ${CX - 13}`} fill="none" markerEnd="url(#tp-arrow)" className="stroke-slate-400" strokeWidth={1.2} strokeDasharray="3 3" />

        {/* Out of the stack */}
        <Arrow x1={CX} y1={689} x2={CX} y2={718} />
        <Box x={X0 + 60} y={720} w={X1 - X0 - 120} h={28} tone="act" label="Final RMSNorm" href={card("norm", "rmsnorm")} />
        <Arrow x1={CX} y1={748} x2={CX} y2={762} />
        <Box x={X0} y={764} w={X1 - X0} h={40} tone="weights" label="LM head" sub={`d × V = ${formatCount(m.hiddenSize)} × ${formatCount(m.vocabSize)}${m.tiedEmbeddings ? " (tied)" : ""}`} href={card("vocabulary", "lm-head")} />
        <Arrow x1={CX} y1={804} x2={CX} y2={818} />
        <Box x={X0} y={820} w={X1 - X0} h={40} tone="act" label="softmax over the vocabulary, top-k pick" sub={`${formatCount(m.vocabSize)} scores → 1 token`} href={card("vocabulary", "sampling")} />
        <Arrow x1={CX} y1={860} x2={CX} y2={876} />
        <Box x={CX - 70} y={878} w={140} h={34} tone="io" label={`“${ANSWER}”`} />

        {/* Decode loop */}
        <path d={`M ${CX - 70} 895 H 22 V 130 H ${X0 - 2}`} fill="none" markerEnd="url(#tp-arrow)" className="stroke-amber-600 dark:stroke-amber-400" strokeWidth={1.8} />
        <text x={14} y={520} transform="rotate(-90 14 520)" textAnchor="middle" className="fill-amber-700 text-[12px] font-semibold dark:fill-amber-300">
          decode loop × {formatCount(f.scenario.osl)} output tokens
        </text>
        <Note x={CX} y={940} anchor="middle">
          Every pass streams the weights it uses; the KV cache grows one row per pass.
        </Note>
      </svg>
      <figcaption className="mt-2 text-center text-sm text-slate-600 dark:text-slate-400">
        Blue boxes hold weights; green is the KV cache; select a box to open its lesson.
      </figcaption>
    </figure>
  );
}
