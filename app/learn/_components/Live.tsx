import { Suspense, type ReactNode } from "react";
import { StaticScenario, UrlScenario } from "./scenario-context";

/**
 * The scenario boundary. Pages stay static: the server renders the lesson with the default scenario (the Suspense
 * fallback, also what a reader without JavaScript sees); in the browser the URL's scenario takes over.
 */
export function Live({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<StaticScenario>{children}</StaticScenario>}>
      <UrlScenario>{children}</UrlScenario>
    </Suspense>
  );
}
