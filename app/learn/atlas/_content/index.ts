import type { CardText } from "./types";
import { ATTENTION } from "./attention";
import { FFN } from "./ffn";
import { NORM } from "./norm";
import { STACK } from "./stack";
import { VOCABULARY } from "./vocabulary";

export type { CardText } from "./types";

const ALL: Readonly<Record<string, Readonly<Record<string, CardText>>>> = {
  vocabulary: VOCABULARY,
  norm: NORM,
  attention: ATTENTION,
  ffn: FFN,
  stack: STACK,
};

export function cardText(section: string, slug: string): CardText | undefined {
  return ALL[section]?.[slug];
}
