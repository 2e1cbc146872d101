"use client";

import type { ReactNode } from "react";
import type { FieldErrors, UseFormReturn } from "react-hook-form";
import { Field, inputClass, secondaryButtonClass, selectClass } from "@/components/form/field";
import type { ApplicationForm as FormValues } from "@/lib/applications/schema";
import type { z } from "@/lib/zod";

/** Pieces the steps of the application form share: lists of added items, « add » fieldsets, budget lines. */

export type StepProps = { form: UseFormReturn<FormValues> };

export type Country = { code: string; name: string };

/** The message of a nested field (`expenses.2.amount`), if any. */
export function errorOf(errors: FieldErrors<FormValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return (node as { message?: string } | undefined)?.message;
}

/** The first message of each field of a failed parse of one item (partner, operator). */
export function firstIssueByField(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

/** The items already added, each with a « Retirer » button naming it for screen readers. */
export function RemovableList<T extends { id: string }>({
  items,
  empty,
  render,
  removeLabel,
  onRemove,
}: {
  items: T[];
  empty: string;
  render: (item: T) => ReactNode;
  removeLabel: (item: T) => string;
  onRemove: (index: number) => void;
}) {
  return (
    <>
      {items.length === 0 ? <p className="text-grey-800">{empty}</p> : null}
      <ul className="flex flex-col gap-2">
        {items.map((item, index) => (
          <li
            key={item.id}
            className="flex items-center justify-between gap-3 border border-grey-200 px-3 py-2"
          >
            <span>{render(item)}</span>
            <button
              type="button"
              className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm"
              onClick={() => onRemove(index)}
            >
              Retirer<span className="sr-only"> {removeLabel(item)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** A fieldset to describe a new item, ended by its « Ajouter … » button. */
export function AddFieldset({
  legend,
  addLabel,
  onAdd,
  children,
}: {
  legend: string;
  addLabel: string;
  onAdd: () => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="flex flex-col gap-4 border border-grey-200 p-4">
      <legend className="px-1 font-bold">{legend}</legend>
      {children}
      <div>
        <button type="button" className={secondaryButtonClass} onClick={onAdd}>
          {addLabel}
        </button>
      </div>
    </fieldset>
  );
}

/** A controlled text input of an « add » fieldset. */
export function DraftInput({
  id,
  label,
  error,
  type,
  value,
  onChange,
}: {
  id: string;
  label: string;
  error?: string;
  type?: "email";
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} error={error}>
      {(aria) => (
        <input
          {...aria}
          type={type}
          className={inputClass}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A controlled list of choices of an « add » fieldset, starting with « Choisir… ». */
export function DraftSelect({
  id,
  label,
  error,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string | number; label: string }[];
}) {
  return (
    <Field id={id} label={label} error={error}>
      {(aria) => (
        <select {...aria} className={selectClass} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choisir…</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** One line of the budget (an expense, a contribution, a co-financing) with its « Retirer » button. */
export function BudgetLine({
  legend,
  columns,
  removeLabel,
  onRemove,
  children,
}: {
  legend: string;
  columns: string;
  removeLabel: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <fieldset className={`grid items-start gap-3 border border-grey-200 p-3 ${columns}`}>
      <legend className="sr-only">{legend}</legend>
      {children}
      <button
        type="button"
        className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm self-end"
        onClick={onRemove}
      >
        Retirer<span className="sr-only"> {removeLabel}</span>
      </button>
    </fieldset>
  );
}
