import { DataTable } from "@/components/ui/data-table";
import { formatMoneyCents } from "@/lib/format";
import { DossierSection } from "./section";
import type { DossierDetails } from "./types";

const KIND_LABELS: Record<DossierDetails["budget"][number]["kind"], string> = {
  expense: "Dépense",
  own_contribution: "Apport propre",
  cofinancing: "Cofinancement",
};

/** The budget lines as the applicant gave them. */
export function BudgetSection({ budget }: { budget: DossierDetails["budget"] }) {
  const expenses = budget.filter((b) => b.kind === "expense");
  return (
    <DossierSection id="budget" title="Budget">
      {budget.length === 0 ? (
        <p className="mt-2">Aucune ligne de budget.</p>
      ) : (
        <DataTable
          className="mt-2"
          caption="Lignes du budget"
          columns={[{ label: "Ligne" }, { label: "Nature" }, { label: "Montant", numeric: true }]}
          rows={budget.map((b, i) => ({
            // Budget lines have no natural key here: their position is theirs.
            key: i,
            header: `${b.label}${b.funderName ? ` (${b.funderName})` : ""}`,
            cells: [KIND_LABELS[b.kind], formatMoneyCents(b.amountCents)],
          }))}
        />
      )}
      <p className="mt-2 text-sm text-grey-700">
        {expenses.length} ligne{expenses.length > 1 ? "s" : ""} de dépenses.
      </p>
    </DossierSection>
  );
}
