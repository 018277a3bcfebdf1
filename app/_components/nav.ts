/** The site's sections, in header order. */
/** `prefetch: false` for pages whose payload is too heavy to fetch on every page view (/validate ships its measured rows). */
/** `also`: other path prefixes that belong to the section (a saved plan, /p/<slug>, is under Saved). */
export const NAV_LINKS: readonly {
  readonly href: string;
  readonly label: string;
  readonly hint: string;
  readonly prefetch?: false;
  readonly also?: readonly string[];
}[] = [
  { href: "/plan", label: "Plan", hint: "From targets, traffic and budget to a deployment" },
  { href: "/calculate", label: "Calculate", hint: "One configuration, every number explained" },
  { href: "/plans", label: "Saved", hint: "Your saved plans and permalinks", also: ["/p"] },
  { href: "/compare", label: "Compare", hint: "Saved plans side by side" },
  { href: "/learn/atlas", label: "Atlas", hint: "The map of where FLOPs, bytes and dollars go" },
  { href: "/learn", label: "Learn", hint: "Lessons on LLM serving" },
  { href: "/validate", label: "Validate", hint: "How close the model is to measurements", prefetch: false },
];

const under = (pathname: string, prefix: string): boolean => pathname === prefix || pathname.startsWith(prefix + "/");

/**
 * Active section for a path: the section whose href (or `also` prefix) is the longest whole-segment prefix of it
 * (so /learn/atlas is Atlas, /learn/kv is Learn, /plans is Saved and not Plan, /p/<slug> is Saved).
 */
export function activeHref(pathname: string): string | null {
  let best: string | null = null;
  let bestLen = -1;
  for (const { href, also = [] } of NAV_LINKS) {
    for (const prefix of [href, ...also]) {
      if (under(pathname, prefix) && prefix.length > bestLen) {
        best = href;
        bestLen = prefix.length;
      }
    }
  }
  return best;
}
