import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import nextConfig from "../../../next.config";

describe("security headers (next.config.ts)", () => {
  it("sets CSP with frame-ancestors, nosniff and a Referrer-Policy on every path", async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === "/:path*");
    expect(all).toBeDefined();
    const h = new Map(all!.headers.map((x) => [x.key.toLowerCase(), x.value]));
    expect(h.get("x-content-type-options")).toBe("nosniff");
    expect(h.get("referrer-policy")).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    const csp = h.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(nextConfig.poweredByHeader).toBe(false);
  });
});

describe("titles and notes render as text", () => {
  it("no plan page or component uses dangerouslySetInnerHTML", () => {
    const roots = ["app/_plans", "app/p", "app/l", "app/plans", "app/compare"];
    const files = roots.flatMap((r) =>
      fs.existsSync(r) ? (fs.readdirSync(r, { recursive: true }) as string[]).map((f) => path.join(r, f)) : [],
    );
    const tsx = files.filter((f) => f.endsWith(".tsx"));
    expect(tsx.length).toBeGreaterThan(5);
    for (const f of tsx) expect(fs.readFileSync(f, "utf8"), f).not.toMatch(/dangerouslySetInnerHTML/);
  });
});
