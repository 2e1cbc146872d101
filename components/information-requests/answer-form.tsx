"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Field, inputClass, primaryButtonClass } from "@/components/form/field";
import { Alert } from "@/components/ui/alert";

const MAX_FILES = 5;
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_CHARS = 10_000;

/**
 * The applicant's answer in a thread: a text and documents, sent together
 * with XMLHttpRequest so a progress bar shows the upload (as for the
 * application's documents). A refusal is shown at its field and nothing typed
 * or chosen is cleared; the server checks everything again.
 */
export function AnswerForm({ threadId, accept }: { threadId: string; accept: string }) {
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<{ body?: string; files?: string; form?: string }>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [sent, setSent] = useState("");
  const id = `answer-${threadId}`;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent("");
    const files = [...(fileInput.current?.files ?? [])];
    const next: typeof errors = {};
    const length = [...body.trim()].length;
    if (length === 0 && files.length === 0)
      next.body = "Écrivez votre réponse ou joignez au moins un document.";
    else if (length > MAX_CHARS)
      next.body = `La réponse ne doit pas dépasser 10\u00a0000 caractères (elle en compte ${length.toLocaleString("fr-FR")}).`;
    if (files.length > MAX_FILES) next.files = `Joignez ${MAX_FILES} documents au plus à une réponse.`;
    const tooLarge = files.find((f) => f.size > MAX_BYTES);
    if (tooLarge) next.files = `«\u00a0${tooLarge.name}\u00a0» dépasse la taille maximale de 10\u00a0Mo.`;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const data = new FormData();
    data.set("body", body);
    for (const f of files) data.append("file", f);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/information-requests/${threadId}/answers`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      setProgress(null);
      const answer = (xhr.response ?? {}) as {
        message?: string;
        fieldErrors?: Record<string, string[]>;
        attachments?: { name: string }[];
      };
      if (xhr.status === 201) {
        const count = answer.attachments?.length ?? 0;
        setSent(
          `Votre réponse a été transmise${count ? ` avec ${count} document${count > 1 ? "s" : ""}` : ""}.`,
        );
        setBody("");
        if (fileInput.current) fileInput.current.value = "";
        router.refresh();
        return;
      }
      const fe = answer.fieldErrors ?? {};
      const message = answer.message ?? "La réponse n’a pas pu être envoyée\u00a0: réessayez.";
      setErrors({
        body: fe.body?.[0],
        files: fe.files?.[0],
        form: fe.body || fe.files ? undefined : message,
      });
    };
    xhr.onerror = () => {
      setProgress(null);
      setErrors({ form: "La réponse n’a pas pu être envoyée (connexion interrompue)\u00a0: réessayez." });
    };
    setProgress(0);
    xhr.send(data);
  }

  return (
    <form onSubmit={submit} className="mt-3 flex flex-col gap-3" noValidate>
      <Field
        id={id}
        label="Votre réponse"
        hint="10 000 caractères au plus. Vous pouvez répondre de nouveau tant que la demande n’est pas close."
        error={errors.body}
      >
        {(aria) => (
          <textarea
            {...aria}
            name="body"
            rows={5}
            className={inputClass}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      <Field
        id={`${id}-files`}
        label="Documents joints (facultatif)"
        hint={`PDF, image, Word, Excel ou OpenDocument\u00a0; ${MAX_FILES} documents de 10 Mo au plus.`}
        error={errors.files}
      >
        {(aria) => (
          <input
            {...aria}
            ref={fileInput}
            type="file"
            name="file"
            multiple
            accept={accept}
            className="fr-upload"
          />
        )}
      </Field>
      {progress !== null ? (
        <div className="flex items-center gap-2">
          <label htmlFor={`${id}-progress`} className="text-sm">
            Envoi en cours
          </label>
          <progress id={`${id}-progress`} max={100} value={progress} className="h-3 w-64">
            {progress} %
          </progress>
          <span className="text-sm">{progress}&nbsp;%</span>
        </div>
      ) : null}
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div>
        <button type="submit" className={primaryButtonClass} disabled={progress !== null}>
          Envoyer la réponse
        </button>
      </div>
      <p aria-live="polite" className="text-sm font-medium text-success">
        {sent}
      </p>
    </form>
  );
}
