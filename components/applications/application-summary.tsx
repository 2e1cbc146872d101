import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { parseFrenchAmount } from "@/lib/applications/amounts";
import { budgetTotals } from "@/lib/applications/budget";
import {
  type ApplicationForm,
  EXPENSE_CATEGORY_LABELS,
  FOREIGN_PARTNER_KIND_LABELS,
  OPERATOR_KIND_LABELS,
  partnerKey,
  SDG_LABELS,
} from "@/lib/applications/schema";
import { countryName } from "@/lib/countries";
import { formatDate, formatMoneyCents } from "@/lib/format";
import type { DocumentSlotProps } from "./document-upload";

const money = (amount: string) => formatMoneyCents(parseFrenchAmount(amount) ?? 0);

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-grey-200 py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="font-medium">{label}</dt>
      <dd className="whitespace-pre-line">{children || "—"}</dd>
    </div>
  );
}

/** The application read-only, as submitted (and as printed with the receipt). */
export function ApplicationSummary({
  form,
  leadName,
  documents,
  applicationId,
}: {
  form: ApplicationForm;
  leadName: string;
  documents?: DocumentSlotProps[];
  applicationId: string;
}) {
  const names = new Map(form.coApplicants.map((c) => [c.organisationId, c.name]));
  const partnerNames = new Map(
    form.partners.map((p) => [partnerKey(p), `${p.name} (${countryName(p.countryCode)})`]),
  );
  const totals = budgetTotals({
    expenses: form.expenses.map((l) => parseFrenchAmount(l.amount) ?? 0),
    ownContributions: form.ownContributions.map((l) => parseFrenchAmount(l.amount) ?? 0),
    cofinancings: form.cofinancings.map((l) => parseFrenchAmount(l.amount) ?? 0),
    requestedCents: parseFrenchAmount(form.requestedAmount) ?? 0,
  });
  return (
    <div className="flex flex-col gap-8" data-application={applicationId}>
      <section aria-labelledby="sum-project">
        <h2 id="sum-project" className="text-2xl font-bold">
          Projet
        </h2>
        <dl className="mt-2">
          <Row label="Titre">{form.title}</Row>
          {form.onBehalfOf ? <Row label="Porté au nom de">{form.onBehalfOf}</Row> : null}
          <Row label="Début">{form.startDate ? formatDate(new Date(`${form.startDate}T12:00:00Z`)) : ""}</Row>
          <Row label="Durée">{form.durationMonths ? `${form.durationMonths} mois` : ""}</Row>
        </dl>
      </section>
      <section aria-labelledby="sum-participants">
        <h2 id="sum-participants" className="text-2xl font-bold">
          Participants
        </h2>
        <dl className="mt-2">
          <Row label="Chef de file">{leadName}</Row>
          <Row label="Co-demandeurs">{form.coApplicants.map((c) => c.name).join("\n")}</Row>
          <Row label="Partenaires étrangers">
            {form.partners
              .map((p) => `${p.name} — ${FOREIGN_PARTNER_KIND_LABELS[p.kind]}, ${countryName(p.countryCode)}`)
              .join("\n")}
          </Row>
          <Row label="Binômes">
            {form.pairings
              .map(
                (p) => `${names.get(p.organisationId) ?? leadName} ↔ ${partnerNames.get(p.partnerKey) ?? ""}`,
              )
              .join("\n")}
          </Row>
          <Row label="Opérateurs">
            {form.operators.map((o) => `${o.name} (${OPERATOR_KIND_LABELS[o.kind]})`).join("\n")}
          </Row>
        </dl>
      </section>
      <section aria-labelledby="sum-content">
        <h2 id="sum-content" className="text-2xl font-bold">
          Contenu
        </h2>
        <dl className="mt-2">
          <Row label="Résumé">{form.summary}</Row>
          <Row label="Objectifs">{form.objectives}</Row>
          <Row label="Résultats attendus">{form.expectedResults}</Row>
          <Row label="Bénéficiaires">{form.beneficiaries}</Row>
          <Row label="Thématiques">{form.themes.join(", ")}</Row>
          <Row label="ODD">{form.sdgs.map((n) => `ODD ${n}\u00a0: ${SDG_LABELS[n - 1]}`).join("\n")}</Row>
        </dl>
      </section>
      <section aria-labelledby="sum-budget">
        <h2 id="sum-budget" className="text-2xl font-bold">
          Budget
        </h2>
        <DataTable
          className="mt-2"
          width="max-w-3xl"
          caption="Budget du projet"
          captionHidden
          columns={[{ label: "Poste" }, { label: "Montant", numeric: true }]}
          rows={[
            // Budget lines have no natural key: a static, read-only list, their position is theirs.
            ...form.expenses.map((l, i) => ({
              key: `e${i}`,
              header: `Dépense — ${EXPENSE_CATEGORY_LABELS[l.category]}\u00a0: ${l.label}`,
              cells: [money(l.amount)],
            })),
            {
              key: "expenses",
              total: true,
              header: "Total des dépenses",
              cells: [formatMoneyCents(totals.expensesCents)],
            },
            ...form.ownContributions.map((l, i) => ({
              key: `o${i}`,
              header: `Apport propre — ${names.get(l.organisationId) ?? leadName}`,
              cells: [money(l.amount)],
            })),
            ...form.cofinancings.map((l, i) => ({
              key: `c${i}`,
              header: `Co-financement — ${l.funderName}`,
              cells: [money(l.amount)],
            })),
            {
              key: "requested",
              header: "Montant demandé au ministère",
              cells: [money(form.requestedAmount)],
            },
            {
              key: "resources",
              total: true,
              header: "Total des ressources",
              cells: [formatMoneyCents(totals.resourcesCents)],
            },
          ]}
        />
      </section>
      {documents ? (
        <section aria-labelledby="sum-documents">
          <h2 id="sum-documents" className="text-2xl font-bold">
            Pièces jointes
          </h2>
          <ul className="mt-2 flex flex-col gap-1">
            {documents.map((d) => (
              <li key={d.id}>
                {d.label}&nbsp;:{" "}
                {d.file ? <a href={`/api/files/${d.file.id}`}>{d.file.originalName}</a> : "aucun fichier"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
