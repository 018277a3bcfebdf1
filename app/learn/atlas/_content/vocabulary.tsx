import type { CardText } from "./types";

export const VOCABULARY: Readonly<Record<string, CardText>> = {
  "token-ids": {
    lead: (
      <p>
        A model never sees letters. A tokenizer cuts the text into pieces from a fixed list — whole common words,
        fragments of rare ones, punctuation, a leading space glued to the word after it — and replaces each piece
        with its position in the list. That integer is the token ID, and it is all the GPU receives.
      </p>
    ),
    more: (
      <>
        <p>
          The list is the <strong>vocabulary</strong>, and its size <em>V</em> is a design choice with costs on both
          ends of the model: the embedding table and the LM head each hold one row of <em>d</em> numbers per entry.
          A bigger vocabulary means fewer tokens for the same text (cheaper prompts, faster answers) and more
          parameters at the edges.
        </p>
        <p>
          Tokenization itself runs on the CPU in microseconds and costs nothing on the GPU. What it decides is the
          count: prices are quoted per token, context windows are measured in tokens, and the same sentence can be a
          different number of tokens on two models. Compare models on the same text, not on &quot;tokens&quot;.
        </p>
        <p>
          The rule of thumb that a token is a little less than an English word holds for English prose; code,
          numbers and many other languages need more tokens per word.
        </p>
      </>
    ),
  },
  embedding: {
    lead: (
      <p>
        The embedding table has one row per vocabulary entry. A token ID is simply a row number: the model copies
        that row — a vector of <em>d</em> numbers — and that vector is the token from here on. No multiplication
        happens; it is a lookup.
      </p>
    ),
    more: (
      <>
        <p>
          The table is large (<em>V × d</em> parameters) but a decode step touches a single row per sequence, so
          its bytes per step are tiny next to everything else. It still has to sit in memory, and it usually stays
          at 16-bit precision even when the rest of the model is quantised, because a lookup gains no speed from a
          smaller format and quality is sensitive here.
        </p>
        <p>
          Under tensor parallelism the table is split by vocabulary: each GPU holds a slice of the rows, the GPU that
          owns a token&apos;s row returns it, the others return zeros, and a collective adds them up. Some models
          <em> tie</em> the embedding to the LM head (the same matrix used in both directions), saving <em>V × d</em>{" "}
          parameters.
        </p>
      </>
    ),
  },
  "lm-head": {
    lead: (
      <p>
        At the top of the stack, the LM head multiplies the final vector by a <em>d × V</em> matrix to get one
        score — a logit — for every entry in the vocabulary. Unlike the embedding, this is a real matrix
        multiplication, and the whole matrix is read for every step.
      </p>
    ),
    more: (
      <>
        <p>
          For a large model the LM head is a small share of the weights. For a small model with a large vocabulary
          it is not: the head can be a noticeable fraction of all bytes read per token, which is one reason small
          models decode less than proportionally faster than large ones.
        </p>
        <p>
          During prefill only the last prompt position needs logits (the others already have their next token — it
          is in the prompt), so engines run the LM head once per request there, not once per prompt token.
        </p>
        <p>
          Like the embedding, the head is often kept in 16 bits. Quantising it saves bytes but tends to cost more
          quality per byte saved than quantising the FFN.
        </p>
      </>
    ),
  },
  sampling: {
    lead: (
      <p>
        The logits become probabilities with a softmax (exponentiate, divide by the sum), and the sampler picks one
        token. Greedy decoding takes the most likely; temperature flattens or sharpens the distribution; top-k and
        top-p cut the tail before drawing at random.
      </p>
    ),
    more: (
      <>
        <p>
          This step has no weights and costs a few microseconds on the GPU. It matters for cost in another way: it
          is the reason decoding is sequential. Token <em>t + 1</em> cannot be computed until token <em>t</em> is
          chosen, because it is the next input. Everything about decode economics — reading the weights again for
          every token, batching users to share that read — follows from this loop.
        </p>
        <p>
          Speculative decoding bends the rule: a cheap draft guesses several tokens, the big model checks them all
          in one pass, and the sampler accepts the longest prefix that agrees with what it would have picked.
        </p>
      </>
    ),
  },
};
