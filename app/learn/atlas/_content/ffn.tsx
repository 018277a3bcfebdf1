import { ModelCaveat } from "../../_components/ModelCaveat";
import type { CardText } from "./types";

export const FFN: Readonly<Record<string, CardText>> = {
  "gate-up": {
    lead: (
      <>
        <ModelCaveat about="gate" />
      <p>
        The feed-forward network widens each token&apos;s vector from <em>d</em> to <em>d_ff</em> — several times
        wider — with two parallel projections: a <strong>gate</strong> and an <strong>up</strong> projection. In a
        dense model these two matrices and the down projection hold most of the parameters.
      </p>
      </>
    ),
    more: (
      <>
        <p>
          Because the FFN holds most of the weights, it holds most of the bytes read per decode step. That makes it
          the first target of quantisation: FP8 halves its bytes against BF16 and, on GPUs with FP8 tensor cores,
          doubles the peak math rate too; 4-bit formats halve them again.
        </p>
        <p>
          The FFN works on each token independently — no looking back — so it parallelises perfectly across the
          batch. One read of <em>W_gate</em> and <em>W_up</em> serves every token in the step. This is the heart of
          batching economics.
        </p>
      </>
    ),
  },
  swiglu: {
    lead: (
      <>
        <ModelCaveat about="gate" />
      <p>
        SwiGLU combines the two projections: the gate passes through SiLU (a smooth ReLU) and multiplies the up
        projection channel by channel. The gate decides how much of each channel gets through.
      </p>
      </>
    ),
    more: (
      <>
        <p>
          Gated activations cost a third matrix compared with the classic two-matrix FFN, and models compensate by
          making <em>d_ff</em> a bit narrower. The activation itself is elementwise: one product and one SiLU per
          channel, fused into the matmul that produced its inputs, so it adds no memory traffic.
        </p>
        <p>
          Its size matters for memory in another place: during prefill, the widest intermediate tensor is this one,
          <em> d_ff</em> wide for every prompt token in the chunk, and that sets the activation workspace the engine
          has to reserve.
        </p>
      </>
    ),
  },
  down: {
    lead: (
      <>
        <ModelCaveat about="gate" />
      <p>
        The down projection brings the gated vector back from <em>d_ff</em> to <em>d</em>, and the result joins the
        residual stream. Like <em>W_o</em>, under tensor parallelism it ends in an all-reduce.
      </p>
      </>
    ),
    more: (
      <>
        <p>
          It is the same size as each of gate and up, so the FFN&apos;s bytes split roughly two thirds to gate and up,
          one third to down. Together they are the bulk of what a decode step streams out of memory.
        </p>
        <p>
          A useful mental model: per token, each weight of the FFN is used for exactly one multiply-add. At one user
          that is two FLOPs per byte read at FP8 — a tiny fraction of what the GPU can do per byte. The arithmetic
          units idle while memory streams, which is the whole story of decode in one sentence.
        </p>
      </>
    ),
  },
  moe: {
    lead: (
      <p>
        A mixture-of-experts layer replaces the one big FFN with many smaller ones — experts — and a small router
        that picks a few of them for each token. The model has many parameters, but each token only uses its
        experts&apos; share.
      </p>
    ),
    more: (
      <>
        <p>
          Two parameter counts now matter. <strong>Total</strong> parameters decide memory: every expert has to be
          somewhere. <strong>Active</strong> parameters decide the math per token: only the chosen experts run.
        </p>
        <p>
          Bytes sit in between, and batch size decides where. With one user, a step reads only the chosen experts —
          far less than the whole model. As the batch grows, different tokens pick different experts, and the number
          of distinct experts a step touches climbs towards all of them: if each token picks <em>k</em> of{" "}
          <em>E</em> uniformly, a batch of <em>B</em> touches on average <em>E · (1 − (1 − k/E)^B)</em>. At large
          batches an MoE reads about as many bytes as a dense model of its total size, but does the math of one its
          active size.
        </p>
        <p>
          Expert parallelism spreads whole experts across GPUs; tokens travel to their experts and back (an
          all-to-all), replacing the all-reduces of tensor parallelism.
        </p>
      </>
    ),
  },
};
