import type { ComponentProps, ReactNode } from "react";

type ChoiceProps = Omit<ComponentProps<"input">, "type" | "id" | "className"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
};

// Whole class names, so that the stylesheet's clean-up (postcss.config.mjs) finds them in the code.
const GROUPS = {
  checkbox: "fr-checkbox-group fr-checkbox-group--sm",
  radio: "fr-radio-group fr-radio-group--sm",
} as const;

/**
 * A checkbox or radio button of the design system (DSFR group, small size):
 * the box is drawn by the label, so the input comes first and the label names
 * it by `for`. Every other attribute (name, value, checked, a form library's
 * register) goes to the input.
 */
function Choice({ type, id, label, hint, ...input }: ChoiceProps & { type: keyof typeof GROUPS }) {
  return (
    <div className={GROUPS[type]}>
      <input type={type} id={id} {...input} />
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </label>
    </div>
  );
}

export function Checkbox(props: ChoiceProps) {
  return <Choice type="checkbox" {...props} />;
}

export function Radio(props: ChoiceProps) {
  return <Choice type="radio" {...props} />;
}
