import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getPlanBySlug, getStore, PlanNotFoundError, type SavedPlan } from "@/db/queries";

/** Page helper: the saved plan or the 404 page (deduplicated per request: metadata + page read once). */
export const loadPlanOr404 = cache(async (slug: string): Promise<SavedPlan> => {
  try {
    return await getPlanBySlug(await getStore(), { slug });
  } catch (e) {
    if (e instanceof PlanNotFoundError) notFound();
    throw e;
  }
});
