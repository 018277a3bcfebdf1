import type { CardText } from "./types";

export const NORM: Readonly<Record<string, CardText>> = {
  rmsnorm: {
    lead: (
      <p>
        RMSNorm rescales a vector so its root-mean-square is one, then multiplies each channel by a learned weight γ.
        Modern models put one before attention and one before the FFN in every block (pre-norm), plus one at the
        very end, to keep activations on a stable scale through dozens of layers.
      </p>
    ),
    more: (
      <>
        <p>
          The cost is almost nothing: <em>d</em> weights per norm, a handful of FLOPs per channel, no matrix
          multiplication. Norm weights stay in 16 bits even in quantised checkpoints — they are too few to matter for
          memory and too important to quality to squeeze.
        </p>
        <p>
          Why a card, then? Because norms are where precision tricks break. A norm has to read the whole vector
          before it can scale it, so it cannot be split across GPUs the way a matrix can; under tensor parallelism
          every GPU runs the norm on a full copy of the activations, which is one reason the all-reduce comes just
          before it.
        </p>
      </>
    ),
  },
  layernorm: {
    lead: (
      <p>
        LayerNorm, the original transformer&apos;s norm, subtracts the mean, divides by the standard deviation, then
        scales by γ and shifts by β. RMSNorm drops the mean and the shift; models trained with it lose nothing
        measurable and save a little work.
      </p>
    ),
    more: (
      <>
        <p>
          A LayerNorm carries two vectors of <em>d</em> parameters (γ and β) where RMSNorm carries one, and computes
          two statistics instead of one. Either way it is a rounding error in the parameter count and in the
          step time. The meter shows this model&apos;s norm parameters, whatever kind it uses.
        </p>
        <p>
          The difference that does matter for serving is fusion: good engines fuse the norm with the residual add
          and with the quantisation of the activations that feed the next matrix, so the vector is read and written
          once instead of three times.
        </p>
      </>
    ),
  },
};
