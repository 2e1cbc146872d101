import type { ComponentProps, ReactNode } from "react";

type ChoiceProps = Omit<ComponentProps<"input">, "type" | "id" | "className"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
};

/**
 * A checkbox of the design system (DSFR checkbox group, small size): the box
 * is drawn by the label, so the input comes first and the label names it by
 * `for`. Every other attribute (name, value, checked, a form library's
 * register) goes to the input.
 */
export function Checkbox({ id, label, hint, ...input }: ChoiceProps) {
  return (
    <div className="fr-checkbox-group fr-checkbox-group--sm">
      <input type="checkbox" id={id} {...input} />
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </label>
    </div>
  );
}

/** A radio button of the design system (DSFR radio group, small size), same shape as Checkbox. */
export function Radio({ id, label, hint, ...input }: ChoiceProps) {
  return (
    <div className="fr-radio-group fr-radio-group--sm">
      <input type="radio" id={id} {...input} />
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </label>
    </div>
  );
}
