import type { ReactNode } from "react";

/** A card's prose: `lead` opens the page (a paragraph or two), `more` is the "read more" section. */
export interface CardText {
  readonly lead: ReactNode;
  readonly more: ReactNode;
}
