import type { ReactNode } from "react";

/**
 * A labelled field of the design system (DSFR input group) with its hint and
 * its error or confirmation message, tied to the control by ids
 * (aria-describedby, aria-invalid) so screen readers announce them. The group
 * carries the state: a red (error) or green (valid) rule beside the field and
 * under the control.
 */
export function Field({
  id,
  label,
  hint,
  error,
  valid,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** A confirmation bound to the field (e.g. « Fichier déposé »), shown when there is no error. */
  valid?: string;
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
}) {
  const confirmed = !error && valid ? valid : undefined;
  const describedBy = [hint ? `${id}-hint` : null, error || confirmed ? `${id}-message` : null]
    .filter(Boolean)
    .join(" ");
  const state = error ? "fr-input-group--error" : confirmed ? "fr-input-group--valid" : "";
  return (
    <div className={`fr-input-group ${state}`}>
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
      ) : confirmed ? (
        <p id={`${id}-message`} className="fr-valid-text">
          {confirmed}
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
