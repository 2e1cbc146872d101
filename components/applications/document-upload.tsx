"use client";

import { useRef, useState } from "react";
import { secondaryButtonClass } from "@/components/form/field";

export type UploadedFile = { id: string; originalName: string; sizeBytes: number };

export type DocumentSlotProps = {
  id: string;
  label: string;
  mandatory: boolean;
  acceptedLabel: string;
  accept: string;
  file: UploadedFile | null;
};

const formatSize = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))}\u00a0Ko`
    : `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")}\u00a0Mo`;

/**
 * One required document: the file already sent (download, remove), and a
 * file input sent with XMLHttpRequest so that a progress bar shows the upload.
 */
export function DocumentUpload({
  applicationId,
  slot,
  readOnly = false,
}: {
  applicationId: string;
  slot: DocumentSlotProps;
  readOnly?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<UploadedFile | null>(slot.file);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");
  const inputId = `document-${slot.id}`;

  function upload() {
    const chosen = input.current?.files?.[0];
    setError("");
    setStatus("");
    if (!chosen) {
      setError("Choisissez d’abord un fichier.");
      return;
    }
    if (chosen.size > 10 * 1024 * 1024) {
      setError("Le fichier dépasse la taille maximale de 10 Mo.");
      return;
    }
    const body = new FormData();
    body.set("applicationId", applicationId);
    body.set("requiredDocumentId", slot.id);
    body.set("file", chosen);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/files");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) setProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      setProgress(null);
      const data = (xhr.response ?? {}) as { message?: string; attachment?: UploadedFile };
      if (xhr.status === 201 && data.attachment) {
        setFile(data.attachment);
        setStatus(`«\u00a0${data.attachment.originalName}\u00a0» a été enregistré.`);
        if (input.current) input.current.value = "";
      } else {
        setError(data.message ?? "Le fichier n’a pas pu être envoyé\u00a0: réessayez.");
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("Le fichier n’a pas pu être envoyé (connexion interrompue)\u00a0: réessayez.");
    };
    setProgress(0);
    xhr.send(body);
  }

  async function remove() {
    if (!file) return;
    const response = await fetch(`/api/files/${file.id}`, { method: "DELETE" });
    if (response.ok) {
      setStatus(`«\u00a0${file.originalName}\u00a0» a été retiré.`);
      setFile(null);
    } else {
      const data = (await response.json().catch(() => ({}))) as { message?: string };
      setError(data.message ?? "Le fichier n’a pas pu être retiré.");
    }
  }

  const describedBy = [`${inputId}-hint`, error ? `${inputId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="border border-grey-200 p-4">
      <h3 className="font-bold">
        {slot.label}{" "}
        {slot.mandatory ? (
          <span className="font-normal">(obligatoire)</span>
        ) : (
          <span className="font-normal">(facultatif)</span>
        )}
      </h3>
      {file ? (
        <p className="mt-2 flex flex-wrap items-center gap-3">
          <span>
            Fichier déposé&nbsp;:{" "}
            <a href={`/api/files/${file.id}`}>
              {file.originalName} <span className="text-grey-600">({formatSize(file.sizeBytes)})</span>
            </a>
          </span>
          {readOnly ? null : (
            <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm" onClick={remove}>
              Retirer<span className="sr-only"> le fichier «&nbsp;{file.originalName}&nbsp;»</span>
            </button>
          )}
        </p>
      ) : (
        <p className="mt-2 text-grey-800">Aucun fichier déposé.</p>
      )}
      {readOnly ? null : (
        <div
          className={`fr-upload-group fr-input-group mt-3 ${
            error
              ? "fr-upload-group--error fr-input-group--error"
              : status
                ? "fr-upload-group--valid fr-input-group--valid"
                : ""
          }`}
        >
          <label htmlFor={inputId} className="fr-label">
            {file ? "Remplacer par un autre fichier" : "Choisir un fichier"}
            <span className="sr-only"> pour «&nbsp;{slot.label}&nbsp;»</span>
          </label>
          <p id={`${inputId}-hint`} className="fr-hint-text">
            Format accepté&nbsp;: {slot.acceptedLabel}. Taille maximale&nbsp;: 10 Mo.
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-3 sm:flex-nowrap">
            <input
              ref={input}
              id={inputId}
              type="file"
              accept={slot.accept}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              className="fr-upload"
            />
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={upload}
              disabled={progress !== null}
            >
              Envoyer<span className="sr-only"> le fichier pour «&nbsp;{slot.label}&nbsp;»</span>
            </button>
          </div>
          {progress !== null ? (
            <div className="flex items-center gap-2">
              <label htmlFor={`${inputId}-progress`} className="text-sm">
                Envoi en cours
              </label>
              <progress id={`${inputId}-progress`} max={100} value={progress} className="h-3 w-64">
                {progress} %
              </progress>
              <span className="text-sm">{progress}&nbsp;%</span>
            </div>
          ) : null}
          {error ? (
            <p id={`${inputId}-error`} role="alert" className="fr-error-text">
              {error}
            </p>
          ) : null}
          {/* The upload's confirmation, bound to the field as the DSFR's valid state, and announced. */}
          <p aria-live="polite" className={status && !error ? "fr-valid-text" : undefined}>
            {status && !error ? status : null}
          </p>
        </div>
      )}
    </div>
  );
}
