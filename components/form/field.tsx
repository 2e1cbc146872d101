import type { ReactNode } from "react";

/**
 * A labelled field of the design system (DSFR input group) with its hint and
 * its error message, tied to the control by ids (aria-describedby,
 * aria-invalid) so screen readers announce them. The group carries the error
 * state: a red rule beside the field and under the control. (The DSFR's valid
 * state is the document upload's, components/applications/document-upload.tsx.)
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
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-message` : null].filter(Boolean).join(" ");
  return (
    <div className={`fr-input-group ${error ? "fr-input-group--error" : ""}`}>
      <label htmlFor={id} className="fr-label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="fr-hint-text">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        "aria-describedby": describedBy || undefined,
        "aria-invalid": error ? true : undefined,
      })}
      {error ? (
        <p id={`${id}-message`} className="fr-error-text">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The design system's text input and text area. */
export const inputClass = "fr-input";

/** The design system's select. */
export const selectClass = "fr-select";

export const primaryButtonClass = "fr-btn";

export const secondaryButtonClass = "fr-btn fr-btn--secondary";

/** A smaller button, for actions repeated on every row of a list. */
export const smallSecondaryButtonClass = "fr-btn fr-btn--secondary fr-btn--sm";
