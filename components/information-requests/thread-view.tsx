import type { ReactNode } from "react";
import { formatDateTime, formatFileSize } from "@/lib/format";
import type { Thread } from "@/lib/information-requests/rules";

/**
 * One information request's thread, for the applicant or for staff: every
 * request and answer with its documents, then the forms the viewer may use.
 */
export function ThreadView({
  thread,
  index,
  side,
  canDownload,
  children,
}: {
  thread: Thread;
  index: number;
  side: "applicant" | "staff";
  canDownload: boolean;
  children?: ReactNode;
}) {
  const state = thread.closedAt
    ? `close le ${formatDateTime(thread.closedAt)}`
    : thread.awaitingAnswer
      ? side === "applicant"
        ? "en attente de votre réponse"
        : "en attente de la réponse du porteur"
      : side === "applicant"
        ? "réponse transmise, en cours d’examen"
        : "réponse reçue, à examiner";
  const titleId = `thread-${thread.id}`;
  return (
    <section
      aria-labelledby={titleId}
      className={`border p-4 ${thread.awaitingAnswer ? "border-warning" : "border-grey-200"}`}
      data-testid="information-thread"
    >
      <h3 id={titleId} className="text-lg font-bold">
        Demande de compléments n°&nbsp;{index + 1} du {formatDateTime(thread.openedAt)} — {state}
      </h3>
      <ol className="mt-3 flex flex-col gap-3">
        {thread.messages.map((m) => (
          <li
            key={m.id}
            className={`border-l-4 pl-3 ${m.kind === "answer" ? "ml-6 border-blue-france" : "border-warning"}`}
          >
            <p className="text-sm text-grey-800">
              {m.kind === "answer"
                ? side === "applicant"
                  ? "Votre réponse"
                  : "Réponse du porteur"
                : "Demande du service instructeur"}
              {m.authorName ? ` — ${m.authorName}` : ""}, le {formatDateTime(m.createdAt)}
            </p>
            <p className="mt-1 whitespace-pre-line">{m.body}</p>
            {m.attachments.length ? (
              <ul className="mt-2 list-disc pl-6" aria-label="Documents joints">
                {m.attachments.map((a) => (
                  <li key={a.id}>
                    {canDownload ? (
                      <a href={`/api/files/${a.id}`} download className="underline">
                        {a.name} <span className="sr-only">(télécharger)</span>
                      </a>
                    ) : (
                      a.name
                    )}{" "}
                    <span className="text-sm text-grey-700">({formatFileSize(a.sizeBytes)})</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {children ? <div className="mt-4 flex flex-col gap-4">{children}</div> : null}
    </section>
  );
}
