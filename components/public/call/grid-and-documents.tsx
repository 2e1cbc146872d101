import { DataTable } from "@/components/ui/data-table";
import type { CallDetail } from "@/lib/public/calls";
import { documentTypesLabel } from "@/lib/public/labels";

/** The weighted grid reviewers score with, as published with the call: weights read as percentages when they sum to 100. */
export function CallCriteria({ criteria }: { criteria: CallDetail["criteria"] }) {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  return (
    <section aria-labelledby="grille" className="mt-10">
      <h2 id="grille" className="text-2xl">
        Grille d’évaluation
      </h2>
      {criteria.length === 0 ? (
        <p className="mt-3">La grille d’évaluation n’est pas encore publiée.</p>
      ) : (
        <DataTable
          className="mt-3"
          caption="Critères d’évaluation de l’appel, avec leur coefficient et leur note maximale"
          captionHidden
          width="max-w-none"
          columns={[
            { label: "Critère" },
            { label: "Coefficient", numeric: true },
            { label: "Note sur", numeric: true },
          ]}
          rows={criteria.map((criterion) => ({
            key: criterion.id,
            header: (
              <>
                <span className="font-semibold">{criterion.label}</span>
                {criterion.helpText && <span className="mt-1 block text-grey-600">{criterion.helpText}</span>}
              </>
            ),
            cells: [`${criterion.weight}${totalWeight === 100 ? "\u00a0%" : ""}`, criterion.maxScore],
          }))}
        />
      )}
    </section>
  );
}

/** The documents an application must (or may) carry, with the formats each accepts. */
export function CallDocuments({ documents }: { documents: CallDetail["documents"] }) {
  return (
    <section aria-labelledby="pieces" className="mt-10">
      <h2 id="pieces" className="text-2xl">
        Pièces à joindre
      </h2>
      {documents.length === 0 ? (
        <p className="mt-3">Aucune pièce n’est demandée pour cet appel.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {documents.map((doc) => (
            <li key={doc.id} className="border-l-4 border-grey-200 pl-4">
              <span className="font-semibold">{doc.label}</span>{" "}
              <span className="text-sm text-grey-600">
                ({doc.mandatory ? "obligatoire" : "facultative"}
                {doc.acceptedTypes.length > 0 &&
                  ` — formats acceptés\u00a0: ${documentTypesLabel(doc.acceptedTypes)}`}
                )
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
