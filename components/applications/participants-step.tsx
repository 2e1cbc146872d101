"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useFieldArray, useWatch } from "react-hook-form";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import {
  applicationFormSchema,
  FOREIGN_PARTNER_KIND_LABELS,
  FOREIGN_PARTNER_KINDS,
  OPERATOR_KIND_LABELS,
  OPERATOR_KINDS,
  partnerKey,
} from "@/lib/applications/schema";
import { organisationLabel } from "@/lib/organisations/label";
import {
  AddFieldset,
  type Country,
  DraftInput,
  DraftSelect,
  firstIssueByField,
  RemovableList,
  type StepProps,
} from "./form-parts";
import { OrganisationCombobox } from "./organisation-combobox";

/** Step « Participants »: co-applicants, foreign partners, pairings and operators. */
const EMPTY_PARTNER = { name: "", kind: "", countryCode: "", contactName: "", contactEmail: "" };

export function ParticipantsStep({
  form,
  lead,
  countries,
  previousPartners,
}: StepProps & {
  lead: { id: number; name: string };
  countries: Country[];
  previousPartners: { name: string; kind: string; countryCode: string; countryName: string }[];
}) {
  const { control } = form;
  const co = useFieldArray({ control, name: "coApplicants" });
  const partners = useFieldArray({ control, name: "partners" });
  const pairs = useFieldArray({ control, name: "pairings" });
  const ops = useFieldArray({ control, name: "operators" });
  const coApplicants = useWatch({ control, name: "coApplicants" });
  const partnerValues = useWatch({ control, name: "partners" });
  const [draft, setDraft] = useState(EMPTY_PARTNER);
  const [draftErrors, setDraftErrors] = useState<Record<string, string>>({});
  const [pairOrg, setPairOrg] = useState("");
  const [pairPartner, setPairPartner] = useState("");
  const [pairError, setPairError] = useState("");
  const [operator, setOperator] = useState({ name: "", kind: "" });
  const [operatorError, setOperatorError] = useState<Record<string, string>>({});
  const countryName = (code: string) => countries.find((c) => c.code === code)?.name ?? code;
  const french = [{ organisationId: lead.id, name: `${lead.name}, chef de file` }, ...coApplicants];
  const excluded = useMemo(
    () => [lead.id, ...coApplicants.map((c) => c.organisationId)],
    [lead.id, coApplicants],
  );

  function addPartner(candidate = draft) {
    const parsed = applicationFormSchema.shape.partners.element.safeParse(candidate);
    if (!parsed.success) {
      const errors = firstIssueByField(parsed.error);
      setDraftErrors(errors);
      const first = Object.keys(errors)[0];
      if (first)
        document
          .getElementById(
            `partner-${first === "countryCode" ? "country" : first.replace("contact", "contact-").toLowerCase()}`,
          )
          ?.focus();
      return;
    }
    if (partnerValues.some((p) => partnerKey(p) === partnerKey(parsed.data))) {
      setDraftErrors({ name: "Ce partenaire figure déjà dans la liste." });
      return;
    }
    partners.append(parsed.data);
    setDraft(EMPTY_PARTNER);
    setDraftErrors({});
  }

  function removePartner(index: number) {
    const key = partnerKey(partnerValues[index] ?? { countryCode: "", name: "" });
    partners.remove(index);
    const pairValues = form.getValues("pairings");
    for (let i = pairValues.length - 1; i >= 0; i--) if (pairValues[i]?.partnerKey === key) pairs.remove(i);
  }

  // Removing a co-applicant also removes its pairings: when it has some, say which and ask first.
  const [confirmRemoval, setConfirmRemoval] = useState<number | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirmRemoval !== null) confirmRef.current?.focus();
  }, [confirmRemoval]);
  const pairingValues = useWatch({ control, name: "pairings" });
  const pairingsOf = (organisationId: number | undefined) =>
    pairingValues.filter((p) => p.organisationId === organisationId);

  function askRemoveCoApplicant(index: number) {
    if (pairingsOf(coApplicants[index]?.organisationId).length > 0) setConfirmRemoval(index);
    else removeCoApplicant(index);
  }

  function removeCoApplicant(index: number) {
    setConfirmRemoval(null);
    const id = coApplicants[index]?.organisationId;
    co.remove(index);
    const pairValues = form.getValues("pairings");
    for (let i = pairValues.length - 1; i >= 0; i--)
      if (pairValues[i]?.organisationId === id) pairs.remove(i);
  }

  function addPairing() {
    if (!pairOrg || !pairPartner) {
      setPairError("Choisissez un participant français et un partenaire étranger.");
      return;
    }
    const pairing = { organisationId: Number(pairOrg), partnerKey: pairPartner };
    if (
      form
        .getValues("pairings")
        .some((p) => p.organisationId === pairing.organisationId && p.partnerKey === pairing.partnerKey)
    ) {
      setPairError("Ce binôme existe déjà.");
      return;
    }
    pairs.append(pairing);
    setPairError("");
    setPairOrg("");
    setPairPartner("");
  }

  function addOperator() {
    const parsed = applicationFormSchema.shape.operators.element.safeParse(operator);
    if (!parsed.success) {
      setOperatorError(firstIssueByField(parsed.error));
      return;
    }
    ops.append(parsed.data);
    setOperator({ name: "", kind: "" });
    setOperatorError({});
  }

  const partnerLabel = (key: string) => {
    const p = partnerValues.find((v) => partnerKey(v) === key);
    return p ? `${p.name} (${countryName(p.countryCode)})` : key;
  };
  const frenchLabel = (id: number) => french.find((f) => f.organisationId === id)?.name ?? String(id);

  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="co-title" className="flex max-w-3xl flex-col gap-3">
        <h3 id="co-title" className="text-xl font-bold">
          Collectivités françaises
        </h3>
        <p>
          Chef de file&nbsp;: <strong>{lead.name}</strong>
        </p>
        <h4 className="font-bold">Co-demandeurs</h4>
        <RemovableList
          items={co.fields}
          empty="Aucun co-demandeur."
          render={(field) => field.name}
          removeLabel={(field) => field.name}
          onRemove={askRemoveCoApplicant}
        />
        {confirmRemoval !== null && coApplicants[confirmRemoval] ? (
          <div
            ref={confirmRef}
            tabIndex={-1}
            role="alertdialog"
            aria-labelledby="co-remove-title"
            aria-describedby="co-remove-pairings"
            className="fr-alert fr-alert--warning"
          >
            <p id="co-remove-title" className="font-bold">
              Retirer {coApplicants[confirmRemoval]?.name}&nbsp;?
            </p>
            <div id="co-remove-pairings">
              <p className="mt-1">
                {pairingsOf(coApplicants[confirmRemoval]?.organisationId).length > 1
                  ? "Ces binômes seront aussi supprimés\u00a0:"
                  : "Ce binôme sera aussi supprimé\u00a0:"}
              </p>
              <ul className="mt-1 list-disc pl-6">
                {pairingsOf(coApplicants[confirmRemoval]?.organisationId).map((p) => (
                  <li key={p.partnerKey}>
                    {frenchLabel(p.organisationId)} ↔ {partnerLabel(p.partnerKey)}
                  </li>
                ))}
              </ul>
            </div>
            <div className="mt-3 flex flex-wrap gap-3">
              <button
                type="button"
                className={primaryButtonClass}
                onClick={() => removeCoApplicant(confirmRemoval)}
              >
                Retirer le co-demandeur et ses binômes
              </button>
              <button type="button" className={secondaryButtonClass} onClick={() => setConfirmRemoval(null)}>
                Annuler
              </button>
            </div>
          </div>
        ) : null}
        <OrganisationCombobox
          id="co-applicant-search"
          label="Ajouter un co-demandeur"
          hint="Commune, intercommunalité, département ou région&nbsp;: tapez le nom, le code postal, le code INSEE ou le SIREN."
          excludeIds={excluded}
          onSelect={(o) => co.append({ organisationId: o.id, name: organisationLabel(o) })}
        />
      </section>

      <section aria-labelledby="partners-title" className="flex max-w-3xl flex-col gap-3">
        <h3 id="partners-title" className="text-xl font-bold">
          Partenaires étrangers
        </h3>
        <RemovableList
          items={partners.fields}
          empty="Aucun partenaire étranger."
          render={(field) => (
            <>
              {field.name} — {FOREIGN_PARTNER_KIND_LABELS[field.kind]}, {countryName(field.countryCode)}
              {field.contactName || field.contactEmail ? (
                <span className="block text-sm text-grey-800">
                  Contact&nbsp;: {[field.contactName, field.contactEmail].filter(Boolean).join(", ")}
                </span>
              ) : null}
            </>
          )}
          removeLabel={(field) => field.name}
          onRemove={removePartner}
        />
        {previousPartners.length ? (
          <div>
            <p className="font-medium">Partenaires de vos projets précédents</p>
            <ul className="mt-2 flex flex-wrap gap-2">
              {previousPartners
                .filter((p) => !partnerValues.some((v) => partnerKey(v) === partnerKey(p)))
                .map((p) => (
                  <li key={partnerKey(p)}>
                    <button
                      type="button"
                      className={secondaryButtonClass}
                      onClick={() =>
                        addPartner({
                          name: p.name,
                          kind: p.kind,
                          countryCode: p.countryCode,
                          contactName: "",
                          contactEmail: "",
                        })
                      }
                    >
                      Ajouter {p.name} ({p.countryName})
                    </button>
                  </li>
                ))}
            </ul>
          </div>
        ) : null}
        <AddFieldset
          legend="Nouveau partenaire étranger"
          addLabel="Ajouter le partenaire"
          onAdd={() => addPartner()}
        >
          <DraftInput
            id="partner-name"
            label="Nom de la collectivité partenaire"
            error={draftErrors.name}
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <DraftSelect
              id="partner-kind"
              label="Type de collectivité"
              error={draftErrors.kind}
              value={draft.kind}
              onChange={(kind) => setDraft({ ...draft, kind })}
              options={FOREIGN_PARTNER_KINDS.map((k) => ({
                value: k,
                label: FOREIGN_PARTNER_KIND_LABELS[k] ?? k,
              }))}
            />
            <DraftSelect
              id="partner-country"
              label="Pays"
              error={draftErrors.countryCode}
              value={draft.countryCode}
              onChange={(countryCode) => setDraft({ ...draft, countryCode })}
              options={countries.map((c) => ({ value: c.code, label: c.name }))}
            />
            <DraftInput
              id="partner-contact-name"
              label="Nom du contact (facultatif)"
              error={draftErrors.contactName}
              value={draft.contactName}
              onChange={(contactName) => setDraft({ ...draft, contactName })}
            />
            <DraftInput
              id="partner-contact-email"
              label="E-mail du contact (facultatif)"
              error={draftErrors.contactEmail}
              type="email"
              value={draft.contactEmail}
              onChange={(contactEmail) => setDraft({ ...draft, contactEmail })}
            />
          </div>
        </AddFieldset>
      </section>

      <section aria-labelledby="pairings-title" className="flex max-w-3xl flex-col gap-3">
        <h3 id="pairings-title" className="text-xl font-bold">
          Binômes
        </h3>
        <p className="text-grey-800">
          Associez chaque partenaire étranger à une collectivité française du projet.
        </p>
        <RemovableList
          items={pairs.fields}
          empty="Aucun binôme."
          render={(field) => `${frenchLabel(field.organisationId)} ↔ ${partnerLabel(field.partnerKey)}`}
          removeLabel={(field) => `le binôme ${partnerLabel(field.partnerKey)}`}
          onRemove={pairs.remove}
        />
        <AddFieldset legend="Nouveau binôme" addLabel="Ajouter le binôme" onAdd={addPairing}>
          <div className="grid gap-4 sm:grid-cols-2">
            <DraftSelect
              id="pairing-organisation"
              label="Collectivité française"
              error={pairError || undefined}
              value={pairOrg}
              onChange={setPairOrg}
              options={french.map((f) => ({ value: f.organisationId, label: f.name }))}
            />
            <DraftSelect
              id="pairing-partner"
              label="Partenaire étranger"
              value={pairPartner}
              onChange={setPairPartner}
              options={partnerValues.map((p) => ({
                value: partnerKey(p),
                label: `${p.name} (${countryName(p.countryCode)})`,
              }))}
            />
          </div>
        </AddFieldset>
      </section>

      <section aria-labelledby="operators-title" className="flex max-w-3xl flex-col gap-3">
        <h3 id="operators-title" className="text-xl font-bold">
          Opérateurs (ONG, associations)
        </h3>
        <RemovableList
          items={ops.fields}
          empty="Aucun opérateur."
          render={(field) => `${field.name} — ${OPERATOR_KIND_LABELS[field.kind]}`}
          removeLabel={(field) => field.name}
          onRemove={ops.remove}
        />
        <AddFieldset legend="Nouvel opérateur" addLabel="Ajouter l’opérateur" onAdd={addOperator}>
          <div className="grid gap-4 sm:grid-cols-2">
            <DraftInput
              id="operator-name"
              label="Nom de l’opérateur"
              error={operatorError.name}
              value={operator.name}
              onChange={(name) => setOperator({ ...operator, name })}
            />
            <DraftSelect
              id="operator-kind"
              label="Type"
              error={operatorError.kind}
              value={operator.kind}
              onChange={(kind) => setOperator({ ...operator, kind })}
              options={OPERATOR_KINDS.map((k) => ({ value: k, label: OPERATOR_KIND_LABELS[k] ?? k }))}
            />
          </div>
        </AddFieldset>
      </section>
    </div>
  );
}
