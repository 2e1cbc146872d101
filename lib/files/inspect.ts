/**
 * Checks of an upload's content once its type is known:
 * zip bombs in office documents, active content in PDF files, then the
 * antivirus when one is configured. Each refusal carries a French message
 * telling the applicant what to do.
 */

import { requestLog } from "@/lib/log";
import { clamdUrl, type ScanResult, scanWithClamd } from "./clamav";
import { findPdfActiveContent } from "./pdf";
import { inspectZip } from "./zip";

export type Inspection = { ok: true } | { ok: false; status: number; message: string };

const ZIP_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
]);

export const MESSAGES = {
  zipUnreadable:
    "Ce document bureautique est endommagé ou incomplet\u00a0: enregistrez-le de nouveau depuis votre logiciel, puis déposez-le.",
  zipTooLarge:
    "Ce document bureautique se décompresse en un volume anormalement grand (plus de 100\u00a0Mo)\u00a0: il a été refusé. Enregistrez-le en PDF, puis déposez le PDF.",
  pdfActive:
    "Ce PDF contient du contenu actif (JavaScript, lancement de programme ou fichiers joints), refusé pour la sécurité des instructeurs. Imprimez-le en PDF («\u00a0Imprimer\u00a0» puis «\u00a0Enregistrer au format PDF\u00a0») et déposez ce nouveau fichier.",
  infected:
    "L’antivirus a détecté un contenu malveillant dans ce fichier\u00a0: il a été refusé. Analysez votre poste, puis déposez une copie saine.",
  scanFailed: "L’analyse antivirus du fichier n’a pas pu être faite\u00a0: réessayez dans quelques minutes.",
} as const;

/** Refuses what must not reach a reviewer's computer; `scan` is replaceable for tests of the wiring. */
export async function inspectUpload(
  type: string,
  bytes: Uint8Array,
  scan: (url: string, bytes: Uint8Array) => Promise<ScanResult> = scanWithClamd,
  env: Record<string, string | undefined> = process.env,
): Promise<Inspection> {
  if (ZIP_TYPES.has(type)) {
    const zip = await inspectZip(bytes);
    if (!zip.ok) {
      return {
        ok: false,
        status: 422,
        message: zip.reason === "unreadable" ? MESSAGES.zipUnreadable : MESSAGES.zipTooLarge,
      };
    }
  }
  if (type === "application/pdf" && findPdfActiveContent(bytes)) {
    return { ok: false, status: 422, message: MESSAGES.pdfActive };
  }
  const url = clamdUrl(env);
  if (url) {
    const result = await scan(url, bytes);
    if (result.status === "infected") {
      (await requestLog({ concern: "antivirus" })).warn(
        { signature: result.signature },
        "upload refused by the antivirus",
      );
      return { ok: false, status: 422, message: MESSAGES.infected };
    }
    // Scanning is configured but failed: refuse rather than let an unscanned file through.
    if (result.status === "error") {
      (await requestLog({ concern: "antivirus" })).error({ detail: result.detail }, "antivirus scan failed");
      return { ok: false, status: 503, message: MESSAGES.scanFailed };
    }
  }
  return { ok: true };
}
