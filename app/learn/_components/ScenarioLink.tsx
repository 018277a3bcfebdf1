"use client";
import Link from "next/link";
import type { ComponentProps } from "react";
import { useScenario } from "./scenario-context";

/** A link to another lesson that carries the current scenario along. */
export function ScenarioLink({ href, ...rest }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  const { href: withScenario } = useScenario();
  return <Link href={withScenario(href)} {...rest} />;
}
