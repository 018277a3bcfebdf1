import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from "react";

const CONTROL =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm " +
  "focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/30 aria-[invalid=true]:border-rose-500 " +
  "dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100";

export interface FieldFrameProps {
  label: ReactNode;
  /** Short help under the control. */
  hint?: ReactNode;
  /** Error message; marks the control invalid and is announced with it. */
  error?: string | undefined;
  className?: string;
}

/**
 * Label + control + hint + error, wired for screen readers (label `for`, `aria-describedby`, `aria-invalid`).
 * `children` receives the ids to put on the control.
 */
export function Field({
  label,
  hint,
  error,
  className = "",
  children,
}: FieldFrameProps & { children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={errId} role="alert" className="mt-1 text-xs font-medium text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & { ref?: Ref<HTMLInputElement> };

/** A labelled text input (spread react-hook-form's `register(...)` into it). */
export function TextField({ label, hint, error, className, ...input }: FieldFrameProps & InputProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {({ id, describedBy, invalid }) => (
        <input id={id} aria-describedby={describedBy} aria-invalid={invalid} className={CONTROL} {...input} />
      )}
    </Field>
  );
}

/** A labelled number input; `unit` prints after the box. */
export function NumberField({ label, hint, error, className, unit, ...input }: FieldFrameProps & InputProps & { unit?: string }) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {({ id, describedBy, invalid }) => (
        <div className="flex items-center gap-1.5">
          <input
            id={id}
            type="number"
            inputMode="decimal"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={`${CONTROL} tabular`}
            {...input}
          />
          {unit && <span className="mt-1 shrink-0 text-xs text-slate-500 dark:text-slate-400">{unit}</span>}
        </div>
      )}
    </Field>
  );
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
  readonly group?: string;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & { ref?: Ref<HTMLSelectElement> };

/** A labelled select; options with a `group` are put in <optgroup>s in first-seen order. */
export function Select({
  label,
  hint,
  error,
  className,
  options,
  ...select
}: FieldFrameProps & SelectProps & { options: readonly SelectOption[] }) {
  const groups = new Map<string, SelectOption[]>();
  for (const o of options) {
    const g = o.group ?? "";
    const list = groups.get(g);
    if (list) list.push(o);
    else groups.set(g, [o]);
  }
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid} className={CONTROL} {...select}>
          {[...groups].map(([g, opts]) =>
            g === "" ? (
              opts.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))
            ) : (
              <optgroup key={g} label={g}>
                {opts.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
      )}
    </Field>
  );
}
