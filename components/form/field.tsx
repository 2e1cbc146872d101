import type { ReactNode } from "react";

/**
 * A labelled field with its hint and error message, tied to the input by ids
 * (aria-describedby, aria-invalid) so screen readers announce them.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`flex flex-col gap-1 ${error ? "border-l-2 border-red-marianne pl-3" : ""}`}>
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-grey-600">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        "aria-describedby": describedBy || undefined,
        "aria-invalid": error ? true : undefined,
      })}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-marianne-dark">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const inputClass =
  "w-full rounded-t border-0 border-b-2 border-grey-800 bg-grey-50 px-3 py-2 text-base aria-[invalid=true]:border-red-marianne";

export const primaryButtonClass =
  "inline-flex items-center justify-center gap-2 bg-blue-france px-4 py-2 font-medium text-white no-underline hover:bg-blue-france-hover disabled:opacity-60";

export const secondaryButtonClass =
  "inline-flex items-center justify-center gap-2 border border-blue-france bg-white px-4 py-2 font-medium text-blue-france no-underline hover:bg-blue-france-50 disabled:opacity-60";
