import { describe, expect, it } from "vitest";
import { activeHref, NAV_LINKS } from "../../app/_components/nav";

describe("header nav", () => {
  it("lists the sections in header order, Saved after Calculate", () => {
    expect(NAV_LINKS.map((l) => [l.href, l.label])).toEqual([
      ["/plan", "Plan"],
      ["/calculate", "Calculate"],
      ["/plans", "Saved"],
      ["/compare", "Compare"],
      ["/learn/atlas", "Atlas"],
      ["/learn", "Learn"],
      ["/validate", "Validate"],
    ]);
    expect(NAV_LINKS.find((l) => l.href === "/plans")?.hint).toBe("Your saved plans and permalinks");
  });

  it("marks the section a path belongs to", () => {
    expect(activeHref("/plan")).toBe("/plan");
    expect(activeHref("/plans")).toBe("/plans"); // not Plan: "/plans" is not under "/plan/"
    expect(activeHref("/p/AbC123xYz789")).toBe("/plans"); // a saved plan is under Saved
    expect(activeHref("/p/AbC123xYz789/print")).toBe("/plans");
    expect(activeHref("/learn/atlas")).toBe("/learn/atlas");
    expect(activeHref("/learn/kv-cache")).toBe("/learn");
    expect(activeHref("/compare")).toBe("/compare");
    expect(activeHref("/")).toBeNull();
    expect(activeHref("/pricing")).toBeNull(); // "/p" matches whole segments only
    expect(activeHref("/l/v1.abc")).toBeNull();
  });
});
