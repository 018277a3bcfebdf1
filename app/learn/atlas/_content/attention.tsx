import { ModelCaveat } from "../../_components/ModelCaveat";
import type { CardText } from "./types";

export const ATTENTION: Readonly<Record<string, CardText>> = {
  qkv: {
    lead: (
      <p>
        Attention starts with three projections of the normalised vector: a <strong>query</strong> (what this token
        is looking for), a <strong>key</strong> (what it offers to later tokens) and a <strong>value</strong> (what
        it hands over when it is picked). Each is a matrix multiplication, split into heads.
      </p>
    ),
    more: (
      <>
        <p>
          The query has one head per attention head. Keys and values, in grouped-query attention (GQA), have far
          fewer heads, each shared by a group of query heads. That choice barely changes the FLOPs — the query and
          output projections dominate — but it shrinks what matters most for serving: the key and value are the two
          vectors every token leaves behind in the KV cache, for every layer, for as long as the request lives.
        </p>
        <p>
          DeepSeek&apos;s multi-head latent attention (MLA) goes further: it caches one compressed latent per token
          per layer and reconstructs keys and values from it, trading a little extra math for a much smaller cache.
        </p>
        <p>
          Cost per token is two FLOPs per projection weight, and every weight is read once per step — shared by the
          whole batch.
        </p>
      </>
    ),
  },
  rope: {
    lead: (
      <>
        <p>
          Attention itself has no idea of order: it compares vectors, not positions. Rotary position embedding (RoPE)
          fixes that by rotating each pair of channels in the query and the key by an angle proportional to the
          token&apos;s position. The score between two tokens then depends on how far apart they are.
        </p>
        <ModelCaveat about="rope" />
      </>
    ),
    more: (
      <>
        <p>
          RoPE has no weights and costs a few multiplications per channel, done in registers inside the attention
          kernel. Its cost is not in the step; it is in what it allows. Context length is limited by the positions a
          model was trained on, and extensions (position interpolation, YaRN) stretch the rotation frequencies so a
          model can attend over longer prompts.
        </p>
        <p>
          Longer reachable context is where the bill arrives: every extra token of context is another key to score
          and another value to read, every step, for every user.
        </p>
      </>
    ),
  },
  scores: {
    lead: (
      <p>
        The new token&apos;s query is compared with the key of every earlier token: a dot product per head per cached
        token. The result is one score per earlier token — how relevant each one is right now.
      </p>
    ),
    more: (
      <>
        <p>
          In decode, this is a matrix-vector product against the cached keys, and it is memory-bound: each key is
          read from the cache, used for a handful of FLOPs, and dropped. Its FLOPs and bytes both grow linearly with
          context. Unlike the weights, the cache is not shared between users — each sequence reads its own.
        </p>
        <p>
          In prefill, all prompt tokens score against each other at once: a real matrix-matrix product whose cost
          grows with the square of the prompt length (halved by the causal mask, since a token only looks back).
          That quadratic term is why very long prompts are expensive to start even before a single token comes out.
        </p>
      </>
    ),
  },
  softmax: {
    lead: (
      <p>
        The scores become weights that are positive and sum to one: subtract the maximum (for numerical safety),
        exponentiate, divide by the sum. High scores dominate; low ones fade to almost nothing.
      </p>
    ),
    more: (
      <>
        <p>
          Computed naively, softmax would need all scores written to memory, read back for the maximum, read again
          for the sum and once more for the weighted values. FlashAttention-style kernels avoid that with an online
          softmax: they keep a running maximum and sum while streaming keys and values through fast on-chip memory,
          so the scores never leave the chip.
        </p>
        <p>
          That is why the softmax has no meters of its own here: its FLOPs are small and its bytes are absorbed into
          reading the keys and values.
        </p>
      </>
    ),
  },
  "attention-v": {
    lead: (
      <p>
        The weights from the softmax mix the cached values: the output is the weighted sum of every earlier
        token&apos;s value vector. This is where the KV cache is read — all of it, every step.
      </p>
    ),
    more: (
      <>
        <p>
          The weights of the model are read once per step no matter how many users share the batch. The KV cache is
          different: each user&apos;s cache is theirs alone, so its bytes scale with batch × context. At small
          batches and short prompts the weights dominate the bytes per step; at large batches or long contexts the
          cache does, and adding users stops being almost free.
        </p>
        <p>
          This is the reader side of the capacity problem: the cache both fills memory (how many users fit) and eats
          bandwidth (how fast each of them goes). Quantising the cache to FP8 halves both.
        </p>
      </>
    ),
  },
  "output-projection": {
    lead: (
      <p>
        The heads&apos; outputs are concatenated and multiplied by <em>W_o</em>, folding them back into a single vector of
        width <em>d</em>, which is added to the block&apos;s input through the residual connection.
      </p>
    ),
    more: (
      <>
        <p>
          <em>W_o</em> is as large as the query projection and just as cheap per byte: two FLOPs per weight per token.
          Under tensor parallelism each GPU holds the rows for its own heads, so every GPU produces a partial sum of
          the full vector and an <strong>all-reduce</strong> adds them. That all-reduce — one after attention and one
          after the FFN, in every layer — is the communication cost of splitting a model across GPUs.
        </p>
        <p>
          At small batches each all-reduce is tiny and its cost is mostly fixed latency, paid twice per layer per
          step. That is why tensor parallelism beyond one NVLink domain is rarely worth it for decode.
        </p>
      </>
    ),
  },
};
