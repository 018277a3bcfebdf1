import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Explain } from "../../app/_components/Explain";
import { VramBar } from "../../app/_components/VramBar";
import Home from "../../app/page";
import type { Bytes } from "../../lib/model/units";

const b = (n: number) => n as Bytes;
/** Server HTML without React's text-boundary comments, so adjacent text reads as on screen. */
const render = (el: Parameters<typeof renderToString>[0]) => renderToString(el).replaceAll("<!-- -->", "");

describe("shared UI (server render)", () => {
  it("VramBar shows how far over capacity the parts are", () => {
    // 60 + 30 + 5 + 5 = 100 GB needed on an 80 GB GPU → 20 GB over
    const html = render(
      <VramBar memory={{ capacity: b(80e9), weights: b(60e9), kvCache: b(30e9), activations: b(5e9), runtimeReserve: b(5e9), free: b(0) }} />,
    );
    expect(html).toContain("100 GB of 80 GB");
    expect(html).toContain("over by 20 GB");
  });
  it("VramBar shows free space when it fits", () => {
    const html = render(
      <VramBar memory={{ capacity: b(80e9), weights: b(36e9), kvCache: b(4e9), activations: b(1e9), runtimeReserve: b(8e9), free: b(31e9) }} />,
    );
    expect(html).toContain("49 GB of 80 GB"); // 36 + 4 + 1 + 8
    expect(html).toContain("31 GB free");
    expect(html).not.toContain("over by");
  });
  it("Explain shows the value, and the formula with values substituted", () => {
    const d = { key: "kv.bytesPerToken", label: "KV-cache bytes per token", value: 327_680, unit: "B", formula: "2 · L · n_kv · h · bytes", substituted: "2 · 80 · 8 · 128 · 2 B" };
    const html = render(<Explain derivation={d} />);
    expect(html).toContain("328 kB");
    expect(html).toContain("2 · L · n_kv · h · bytes");
    expect(html).toContain("2 · 80 · 8 · 128 · 2 B");
    expect(html).toContain("<summary"); // a native disclosure: keyboard and no-JS friendly
    expect(render(<Explain>12 ms</Explain>)).toContain("12 ms");
  });
});

describe("home page", () => {
  it("renders the live example from the core, without NaN", () => {
    const html = render(<Home />);
    expect(html).toContain('data-testid="home-example"');
    expect(html).toContain("Llama 3.1 70B");
    // Llama-3.1-70B KV per token at 16 bit: 2 · 80 · 8 · 128 · 2 = 327,680 B → "328 kB"
    expect(html).toContain("328 kB");
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    expect(html).toContain('href="/plan"');
    expect(html).toContain('href="/learn"');
  });
});
