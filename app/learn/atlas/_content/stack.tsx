import { ModelCaveat } from "../../_components/ModelCaveat";
import type { CardText } from "./types";

export const STACK: Readonly<Record<string, CardText>> = {
  "layer-bill": {
    lead: (
      <p>
        One block&apos;s bill — its weights read once, two FLOPs per weight per token, its share of the KV cache read
        — is paid once per layer, and the whole stack is paid once per output token. That multiplication is
        autoregression, and it is where LLM serving costs come from.
      </p>
    ),
    more: (
      <>
        <p>
          Prefill is different. All prompt tokens go through the stack together in one pass: each weight is read
          once and used for every prompt token, so the GPU finally does what it is good at — math. Prefill is
          compute-bound; decode is memory-bound. Same model, same weights, opposite bottlenecks.
        </p>
        <p>
          This is why an answer takes longer than a question of the same length, why time-to-first-token and
          time-per-output-token are separate targets, and why output tokens cost more than input tokens. Stage 1 of
          the Spine works through it with prices.
        </p>
      </>
    ),
  },
  "kv-cache": {
    lead: (
      <>
        <p>
          Every token, in every attention layer, leaves its key and value in the cache so later tokens can attend to it
          without recomputing them. The cache is the model&apos;s working memory for one request, and it grows by one
          row per layer for every token read or written.
        </p>
        <ModelCaveat about="kv" />
      </>
    ),
    more: (
      <>
        <p>
          Per token, the cache holds 2 (K and V) × layers × KV heads × head size × bytes per element. Per request,
          multiply by the context. Per GPU, multiply by the users in flight. Whatever memory the weights leave is
          what the cache can use, and that sets how many users fit at once.
        </p>
        <p>
          Engines allocate the cache in small pages (paged attention) so nothing is reserved for tokens that are
          never written, and they can share pages between requests with the same prefix (prefix caching) — a shared
          system prompt is stored once.
        </p>
        <p>
          The levers that shrink it: fewer KV heads (GQA), a compressed latent (MLA), sliding-window layers that keep
          only recent tokens, and FP8 or 4-bit cache formats.
        </p>
      </>
    ),
  },
};
