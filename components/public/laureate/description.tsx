import type { LaureateDetail } from "@/lib/public/laureates";

/** Plain text written by applicants: paragraphs on blank lines, no markup. */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text, never reordered.
        <p key={index} className="mt-3 max-w-3xl whitespace-pre-line">
          {p}
        </p>
      ))}
    </>
  );
}

/** The summary and the objectives, each only when the applicant wrote it. */
export function LaureateDescription({ laureate }: { laureate: LaureateDetail }) {
  return (
    <>
      {laureate.summary.trim() && (
        <section aria-labelledby="resume">
          <h2 id="resume" className="text-2xl">
            Résumé
          </h2>
          <Paragraphs text={laureate.summary} />
        </section>
      )}
      {laureate.objectives.trim() && (
        <section aria-labelledby="objectifs" className="mt-10">
          <h2 id="objectifs" className="text-2xl">
            Objectifs
          </h2>
          <Paragraphs text={laureate.objectives} />
        </section>
      )}
    </>
  );
}
