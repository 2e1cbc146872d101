/** How a report and an instalment are named to users, on pages, in e-mails and in the PDFs. */

export function reportLabel(kind: "intermediate" | "final", position: number) {
  return kind === "final" ? "Rapport final" : `Rapport intermédiaire n°\u00a0${position}`;
}

export function instalmentLabel(instalment: { position: number; kind: string; year: number }, years: number) {
  if (instalment.kind === "balance") return "Solde";
  return years === 1 ? "Premier versement" : `Versement de l’année ${instalment.year}`;
}

/** `2026-09-01` as « 01/09/2026 »: the applications' own formatting of a calendar day. */
export { frenchDay as frenchDate } from "@/lib/applications/schedule";
