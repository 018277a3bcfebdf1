"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { scenarioFigures, type ScenarioFigures } from "../../../lib/lessons/figures";
import {
  DEFAULT_SCENARIO,
  parseScenario,
  scenarioQuery,
  withScenario,
  type Scenario,
  type ScenarioKey,
  type ScenarioProblem,
} from "../../../lib/lessons/scenario";

export interface ScenarioState {
  readonly scenario: Scenario;
  readonly figures: ScenarioFigures;
  /** URL parameters that could not be read (they fell back to the default). */
  readonly problems: readonly ScenarioProblem[];
  /** Replace the scenario (updates the URL; every island re-renders). */
  readonly update: (next: Scenario) => void;
  readonly set: <K extends ScenarioKey>(key: K, value: Scenario[K]) => void;
  /** A path with the current scenario's query. */
  readonly href: (path: string) => string;
}

const Ctx = createContext<ScenarioState | null>(null);

function useStateFor(scenario: Scenario, problems: readonly ScenarioProblem[], navigate: ((q: string) => void) | null): ScenarioState {
  const figures = useMemo(() => scenarioFigures(scenario), [scenario]);
  const update = useCallback((next: Scenario) => navigate?.(scenarioQuery(next)), [navigate]);
  const set = useCallback(
    <K extends ScenarioKey>(key: K, value: Scenario[K]) => update({ ...scenario, [key]: value }),
    [scenario, update],
  );
  const href = useCallback((path: string) => withScenario(path, scenario), [scenario]);
  return useMemo(() => ({ scenario, figures, problems, update, set, href }), [scenario, figures, problems, update, set, href]);
}

/** Provides a fixed scenario (the default, for the server-rendered fallback). */
export function StaticScenario({ scenario = DEFAULT_SCENARIO, children }: { scenario?: Scenario; children: ReactNode }) {
  const state = useStateFor(scenario, [], null);
  return <Ctx.Provider value={state}>{children}</Ctx.Provider>;
}

/** Provides the scenario in the URL's search parameters; changing it replaces the URL (no scroll, no history spam). */
export function UrlScenario({ children }: { children: ReactNode }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname() ?? "/learn";
  const key = params.toString();
  const parsed = useMemo(() => parseScenario(new URLSearchParams(key)), [key]);
  const navigate = useCallback(
    (q: string) => router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false }),
    [router, pathname],
  );
  const state = useStateFor(parsed.scenario, parsed.problems, navigate);
  return <Ctx.Provider value={state}>{children}</Ctx.Provider>;
}

export function useScenario(): ScenarioState {
  const s = useContext(Ctx);
  if (!s) throw new Error("useScenario outside a scenario provider (app/learn/layout.tsx provides one)");
  return s;
}
