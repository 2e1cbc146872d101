"use client";

import { useState } from "react";
import { secondaryButtonClass } from "@/components/form/field";

/**
 * Downloads the current filtered list. The server streams the file; the
 * browser reads it chunk by chunk to show how many rows have arrived (the
 * total is known from the list's count), then saves it.
 */
export function ExportLinks({ query, total }: { query: string; total: number }) {
  const [progress, setProgress] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function download(format: "csv" | "xlsx", event: React.MouseEvent<HTMLAnchorElement>) {
    if (!("ReadableStream" in window)) return; // plain link as a fallback
    event.preventDefault();
    setBusy(true);
    setProgress("Préparation de l’export…");
    try {
      const response = await fetch(event.currentTarget.href);
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const reader = response.body.getReader();
      const chunks: BlobPart[] = [];
      let received = 0;
      const rowsHeader = Number(response.headers.get("x-export-rows") ?? total);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        setProgress(
          `Téléchargement en cours\u00a0: ${Math.round(received / 1024)} Ko reçus (${rowsHeader} lignes attendues)…`,
        );
      }
      const blob = new Blob(chunks, {
        type: response.headers.get("content-type") ?? "application/octet-stream",
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download =
        /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
        `dossiers.${format}`;
      a.click();
      URL.revokeObjectURL(url);
      setProgress(`Export terminé\u00a0: ${rowsHeader} lignes.`);
    } catch {
      setProgress("L’export a échoué. Réessayez\u00a0; si le problème persiste, contactez le support.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <a
        href={`/api/exports/applications${query}${query ? "&" : "?"}format=csv`}
        className={secondaryButtonClass}
        onClick={(e) => download("csv", e)}
        aria-disabled={busy}
      >
        Exporter en CSV
      </a>
      <a
        href={`/api/exports/applications${query}${query ? "&" : "?"}format=xlsx`}
        className={secondaryButtonClass}
        onClick={(e) => download("xlsx", e)}
        aria-disabled={busy}
      >
        Exporter en XLSX
      </a>
      <p role="status" aria-live="polite" className="text-sm text-grey-700">
        {progress}
      </p>
    </div>
  );
}
