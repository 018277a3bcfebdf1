"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { savePlanRequestSchema } from "@/lib/plan/save-request";

const formSchema = savePlanRequestSchema.pick({ title: true, notes: true });
type FormValues = { title: string; notes: string };

/**
 * Title + notes + Save: POST /api/plans with the plan input, then open /p/<slug>.
 * Embeddable wherever a plan input is at hand (the planner's results, a shared link,
 * "duplicate and edit").
 */
export function SavePlanForm({ input, sourceSlug, defaultTitle = "" }: { input: unknown; sourceSlug?: string; defaultTitle?: string }) {
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ resolver: zodResolver(formSchema) as never, defaultValues: { title: defaultTitle, notes: "" } });

  const onSubmit = async (v: FormValues) => {
    setServerError(null);
    let res: Response;
    try {
      res = await fetch("/api/plans", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: v.title, notes: v.notes, input, ...(sourceSlug ? { sourceSlug } : {}) }),
      });
    } catch {
      setServerError("Could not reach the server; check your connection and try again.");
      return;
    }
    const body = (await res.json().catch(() => null)) as
      | { url?: string; error?: string; errors?: { field: string; message: string }[] }
      | null;
    if (res.status === 201 && body?.url) {
      router.push(body.url);
      return;
    }
    for (const e of body?.errors ?? []) {
      if (e.field === "title" || e.field === "notes") setError(e.field, { message: e.message });
    }
    const other = (body?.errors ?? []).filter((e) => e.field !== "title" && e.field !== "notes");
    setServerError(
      [body?.error ?? `Saving failed (HTTP ${res.status}).`, ...other.map((e) => `${e.field}: ${e.message}`)].join(" — "),
    );
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} className="space-y-3" aria-label="Save plan" noValidate>
      <div>
        <label htmlFor="plan-title" className="block text-sm font-medium">
          Title
        </label>
        <input
          id="plan-title"
          {...register("title")}
          className="mt-1 w-full rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
          aria-invalid={errors.title ? "true" : "false"}
          maxLength={200}
        />
        {errors.title && (
          <p role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
            {errors.title.message}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="plan-notes" className="block text-sm font-medium">
          Notes <span className="font-normal text-zinc-500">(optional)</span>
        </label>
        <textarea
          id="plan-notes"
          {...register("notes")}
          rows={3}
          className="mt-1 w-full rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
          aria-invalid={errors.notes ? "true" : "false"}
        />
        {errors.notes && (
          <p role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
            {errors.notes.message}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={isSubmitting}
        className="rounded bg-blue-600 px-4 py-1.5 font-medium text-white hover:bg-blue-700 disabled:opacity-60"
      >
        {isSubmitting ? "Saving…" : "Save plan"}
      </button>
      {serverError && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {serverError}
        </p>
      )}
    </form>
  );
}
