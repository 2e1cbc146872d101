import { formatFileSize } from "@/lib/format";
import { DossierSection } from "./section";

export type DossierDocument = { id: string; name: string; sizeBytes: number; source: string | null };

/** The application's documents, and those sent in answers; downloadable unless the reader declared a conflict. */
export function DocumentsSection({
  documents,
  downloadDocuments,
}: {
  documents: readonly DossierDocument[];
  downloadDocuments: boolean;
}) {
  return (
    <DossierSection id="documents" title="Pièces jointes">
      {documents.length === 0 ? (
        <p className="mt-2">Aucune pièce jointe.</p>
      ) : (
        <>
          <ul className="mt-2 list-disc pl-6">
            {documents.map((d) => (
              <li key={d.id}>
                {downloadDocuments ? (
                  <a href={`/api/files/${d.id}`} download className="underline">
                    {d.name} <span className="sr-only">(télécharger)</span>
                  </a>
                ) : (
                  d.name
                )}{" "}
                <span className="text-sm text-grey-700">
                  ({formatFileSize(d.sizeBytes)}){d.source ? ` — ${d.source}` : ""}
                </span>
              </li>
            ))}
          </ul>
          {downloadDocuments ? null : (
            <p className="mt-2 text-sm text-grey-700" data-testid="documents-withheld">
              Vous avez déclaré un conflit d’intérêts&nbsp;: les pièces de ce dossier ne vous sont pas
              accessibles.
            </p>
          )}
        </>
      )}
    </DossierSection>
  );
}
