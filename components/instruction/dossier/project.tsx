import type { ApplicationCore } from "@/lib/applications/read-model";
import { countryName } from "@/lib/countries";
import { DossierSection } from "./section";
import type { DossierDetails } from "./types";

const ROLE_LABELS: Record<string, string> = {
  co_applicant: "Co-demandeur",
  foreign_partner: "Partenaire étranger",
  operator: "Opérateur",
};

/** What the project is: the applicant's texts. */
export function ProjectSection({ core }: { core: ApplicationCore }) {
  return (
    <DossierSection id="projet" title="Le projet">
      {[
        ["Résumé", core.summary],
        ["Objectifs", core.objectives],
        ["Résultats attendus", core.expectedResults],
        ["Bénéficiaires", core.beneficiaries],
      ].map(([label, text]) => (
        <div key={label} className="mt-4">
          <h3 className="text-lg font-bold">{label}</h3>
          <p className="mt-1 whitespace-pre-line">{text || "Non renseigné."}</p>
        </div>
      ))}
    </DossierSection>
  );
}

/** Who takes part: the lead, co-applicants, foreign partners and operators. */
export function ParticipantsSection({ core, details }: { core: ApplicationCore; details: DossierDetails }) {
  return (
    <DossierSection id="participants" title="Participants">
      <ul className="mt-2 list-disc pl-6">
        <li>Chef de file&nbsp;: {core.leadLabel}</li>
        {details.participants.map((p) => (
          <li key={`${p.role}-${p.name}`}>
            {ROLE_LABELS[p.role] ?? p.role}&nbsp;: {p.name}
            {p.countryCode ? ` (${countryName(p.countryCode)})` : ""}
          </li>
        ))}
      </ul>
    </DossierSection>
  );
}
