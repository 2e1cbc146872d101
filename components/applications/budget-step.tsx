"use client";

import { useFieldArray, useWatch } from "react-hook-form";
import { Field, inputClass, secondaryButtonClass, selectClass } from "@/components/form/field";
import { budgetTotals, maxRequestForShare } from "@/lib/applications/budget";
import { centsOf } from "@/lib/applications/rules";
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS } from "@/lib/applications/schema";
import { formatMoneyCents } from "@/lib/format";
import { BudgetLine, errorOf, type StepProps } from "./form-parts";

/** Step « Budget »: expenses, resources and the amount requested, with live totals and the call's limits. */
export function BudgetStep({
  form,
  lead,
  limits,
}: StepProps & {
  lead: { id: number; name: string };
  limits: { maxGrantCents: number; maxSharePercent: number };
}) {
  const { control, register, formState } = form;
  const e = formState.errors;
  const expenses = useFieldArray({ control, name: "expenses" });
  const own = useFieldArray({ control, name: "ownContributions" });
  const cofin = useFieldArray({ control, name: "cofinancings" });
  const values = useWatch({ control });
  const coApplicants = values.coApplicants ?? [];
  const french = [{ organisationId: lead.id, name: lead.name }, ...coApplicants];
  const totals = budgetTotals({
    expenses: (values.expenses ?? []).map((l) => centsOf(l?.amount ?? "")),
    ownContributions: (values.ownContributions ?? []).map((l) => centsOf(l?.amount ?? "")),
    cofinancings: (values.cofinancings ?? []).map((l) => centsOf(l?.amount ?? "")),
    requestedCents: centsOf(values.requestedAmount ?? ""),
  });
  const shareCap = maxRequestForShare(totals.expensesCents, limits);
  const amountHint = "En euros, par exemple 12 500,50.";

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="expenses-title" className="flex flex-col gap-3">
        <h3 id="expenses-title" className="text-xl font-bold">
          Dépenses
        </h3>
        {expenses.fields.map((field, index) => (
          <BudgetLine
            key={field.id}
            legend={`Dépense n° ${index + 1}`}
            columns="sm:grid-cols-[15rem_1fr_12rem_auto]"
            removeLabel={`la dépense ${index + 1}`}
            onRemove={() => expenses.remove(index)}
          >
            <Field
              id={`expenses.${index}.category`}
              label={`Catégorie (dépense ${index + 1})`}
              error={errorOf(e, `expenses.${index}.category`)}
            >
              {(aria) => (
                <select {...aria} {...register(`expenses.${index}.category`)} className={selectClass}>
                  {EXPENSE_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {EXPENSE_CATEGORY_LABELS[c]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={`expenses.${index}.label`}
              label={`Libellé (dépense ${index + 1})`}
              error={errorOf(e, `expenses.${index}.label`)}
            >
              {(aria) => <input {...aria} {...register(`expenses.${index}.label`)} className={inputClass} />}
            </Field>
            <AmountField
              form={form}
              name={`expenses.${index}.amount`}
              label={`Montant (dépense ${index + 1})`}
            />
          </BudgetLine>
        ))}
        <div>
          <button
            id="add-expense"
            type="button"
            className={secondaryButtonClass}
            onClick={() => expenses.append({ category: "travel", label: "", amount: "" })}
          >
            Ajouter une dépense
          </button>
        </div>
      </section>

      <section aria-labelledby="resources-title" className="flex flex-col gap-3">
        <h3 id="resources-title" className="text-xl font-bold">
          Ressources
        </h3>
        <p className="text-sm text-grey-800">{amountHint}</p>
        <h4 className="font-bold">Apports propres des collectivités françaises</h4>
        {own.fields.map((field, index) => (
          <BudgetLine
            key={field.id}
            legend={`Apport n° ${index + 1}`}
            columns="sm:grid-cols-[1fr_12rem_auto]"
            removeLabel={`l’apport ${index + 1}`}
            onRemove={() => own.remove(index)}
          >
            <Field
              id={`ownContributions.${index}.organisationId`}
              label={`Collectivité (apport ${index + 1})`}
            >
              {(aria) => (
                <select
                  {...aria}
                  {...register(`ownContributions.${index}.organisationId`, { valueAsNumber: true })}
                  className={selectClass}
                >
                  {french.map((f) => (
                    <option key={f.organisationId} value={f.organisationId}>
                      {f.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <AmountField
              form={form}
              name={`ownContributions.${index}.amount`}
              label={`Montant (apport ${index + 1})`}
            />
          </BudgetLine>
        ))}
        <div>
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => own.append({ organisationId: lead.id, amount: "" })}
          >
            Ajouter un apport propre
          </button>
        </div>
        <h4 className="font-bold">Autres co-financements</h4>
        {cofin.fields.map((field, index) => (
          <BudgetLine
            key={field.id}
            legend={`Co-financement n° ${index + 1}`}
            columns="sm:grid-cols-[1fr_12rem_auto]"
            removeLabel={`le co-financement ${index + 1}`}
            onRemove={() => cofin.remove(index)}
          >
            <Field
              id={`cofinancings.${index}.funderName`}
              label={`Co-financeur (${index + 1})`}
              error={errorOf(e, `cofinancings.${index}.funderName`)}
            >
              {(aria) => (
                <input {...aria} {...register(`cofinancings.${index}.funderName`)} className={inputClass} />
              )}
            </Field>
            <AmountField
              form={form}
              name={`cofinancings.${index}.amount`}
              label={`Montant (co-financement ${index + 1})`}
            />
          </BudgetLine>
        ))}
        <div>
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={() => cofin.append({ funderName: "", amount: "" })}
          >
            Ajouter un co-financement
          </button>
        </div>
        <div className="max-w-sm">
          <Field
            id="requestedAmount"
            label="Montant demandé au ministère"
            hint={`Au plus ${formatMoneyCents(limits.maxGrantCents)} et ${limits.maxSharePercent} % du budget total.`}
            error={e.requestedAmount?.message}
          >
            {(aria) => (
              <input {...aria} inputMode="decimal" {...register("requestedAmount")} className={inputClass} />
            )}
          </Field>
        </div>
      </section>

      <section
        id="budget-totals"
        tabIndex={-1}
        aria-labelledby="totals-title"
        className="max-w-xl border-2 border-grey-800 p-4"
      >
        <h3 id="totals-title" className="text-xl font-bold">
          Totaux
        </h3>
        <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-6 gap-y-1" aria-live="polite">
          <dt>Total des dépenses</dt>
          <dd className="text-right font-bold">{formatMoneyCents(totals.expensesCents)}</dd>
          <dt>Apports propres</dt>
          <dd className="text-right">{formatMoneyCents(totals.ownContributionsCents)}</dd>
          <dt>Co-financements</dt>
          <dd className="text-right">{formatMoneyCents(totals.cofinancingCents)}</dd>
          <dt>Montant demandé au ministère</dt>
          <dd className="text-right">{formatMoneyCents(totals.requestedCents)}</dd>
          <dt>Total des ressources</dt>
          <dd className="text-right font-bold">{formatMoneyCents(totals.resourcesCents)}</dd>
        </dl>
        <ul className="mt-3 flex flex-col gap-1" aria-live="polite">
          {totals.expensesCents === 0 ? null : totals.differenceCents === 0 ? (
            <li className="font-medium text-success">✓ Le budget est équilibré.</li>
          ) : (
            <li className="font-medium text-red-marianne-dark">
              ⚠ Le budget n’est pas équilibré&nbsp;: les ressources{" "}
              {totals.differenceCents > 0 ? "dépassent" : "sont inférieures aux"} dépenses de{" "}
              {formatMoneyCents(Math.abs(totals.differenceCents))}.
            </li>
          )}
          {totals.requestedCents > limits.maxGrantCents ? (
            <li className="font-medium text-red-marianne-dark">
              ⚠ Le montant demandé dépasse la subvention maximale de l’appel (
              {formatMoneyCents(limits.maxGrantCents)}).
            </li>
          ) : null}
          {totals.expensesCents > 0 && totals.requestedCents > shareCap ? (
            <li className="font-medium text-red-marianne-dark">
              ⚠ Le montant demandé dépasse {limits.maxSharePercent} % du budget total&nbsp;: au plus{" "}
              {formatMoneyCents(shareCap)}.
            </li>
          ) : null}
        </ul>
      </section>
    </div>
  );
}

/** An amount in euros of a budget line, typed with a decimal keyboard. */
function AmountField({
  form,
  name,
  label,
}: StepProps & {
  name: `${"expenses" | "ownContributions" | "cofinancings"}.${number}.amount`;
  label: string;
}) {
  return (
    <Field id={name} label={label} error={errorOf(form.formState.errors, name)}>
      {(aria) => <input {...aria} inputMode="decimal" {...form.register(name)} className={inputClass} />}
    </Field>
  );
}
