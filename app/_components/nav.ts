/** The site's sections, in header order. */
/** `prefetch: false` for pages whose payload is too heavy to fetch on every page view (/validate ships its measured rows). */
export const NAV_LINKS: readonly { readonly href: string; readonly label: string; readonly hint: string; readonly prefetch?: false }[] = [
  { href: "/plan", label: "Plan", hint: "From targets, traffic and budget to a deployment" },
  { href: "/calculate", label: "Calculate", hint: "One configuration, every number explained" },
  { href: "/compare", label: "Compare", hint: "Saved plans side by side" },
  { href: "/learn/atlas", label: "Atlas", hint: "The map of where FLOPs, bytes and dollars go" },
  { href: "/learn", label: "Learn", hint: "Lessons on LLM serving" },
  { href: "/validate", label: "Validate", hint: "How close the model is to measurements", prefetch: false },
];

/** Active section for a path: the longest nav href that prefixes it (so /learn/atlas is Atlas, /learn/kv is Learn). */
export function activeHref(pathname: string): string | null {
  let best: string | null = null;
  for (const { href } of NAV_LINKS) {
    if ((pathname === href || pathname.startsWith(href + "/")) && (best === null || href.length > best.length)) best = href;
  }
  return best;
}
