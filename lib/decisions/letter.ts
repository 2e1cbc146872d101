/**
 * The decision letter an applicant downloads from their space once the
 * call's results are published: a one-page PDF with the decision's date and,
 * for a project retained, the amount granted (lib/pdf/text-document.ts writes it).
 */
import { formatDate, formatMoneyCents } from "@/lib/format";
import { textDocument, writeHeading } from "@/lib/pdf/text-document";

export type LetterInput = {
  applicationTitle: string;
  leadName: string;
  callTitle: string;
  receiptNumber: string | null;
  outcome: "accepted" | "rejected";
  grantedAmountCents: number | null;
  rejectionReason: string | null;
  decidedAt: Date;
};

export function letterFileName(receiptNumber: string | null) {
  return `decision-${(receiptNumber ?? "dossier").replace(/[^A-Za-z0-9-]/g, "")}.pdf`;
}

export async function decisionLetterPdf(input: LetterInput): Promise<Uint8Array> {
  const { write, space, save } = await textDocument({
    title: `Décision — ${input.applicationTitle}`,
    date: input.decidedAt,
  });
  writeHeading(write);
  write(`Paris, le ${formatDate(input.decidedAt)}`, { gap: 18 });
  write(input.leadName, { bold: true, gap: 18 });
  write(
    `Objet\u00a0: décision sur votre dossier «\u00a0${input.applicationTitle}\u00a0»${input.receiptNumber ? ` (n° ${input.receiptNumber})` : ""}`,
    { bold: true, gap: 12 },
  );
  write(`Appel à projets «\u00a0${input.callTitle}\u00a0»`, { gap: 18 });
  write("Madame, Monsieur,", { gap: 10 });
  if (input.outcome === "accepted") {
    write(
      `J’ai le plaisir de vous informer que votre projet a été retenu par décision du ${formatDate(input.decidedAt)}.`,
    );
    write(`Montant de la subvention accordée\u00a0: ${formatMoneyCents(input.grantedAmountCents ?? 0)}.`, {
      bold: true,
      size: 13,
      gap: 12,
    });
    write(
      "Les modalités de versement et de suivi du projet vous seront précisées par le service instructeur. Vous pouvez suivre votre dossier depuis votre espace.",
    );
  } else {
    write(
      `J’ai le regret de vous informer que votre projet n’a pas été retenu par décision du ${formatDate(input.decidedAt)}.`,
    );
    if (input.rejectionReason) write(`Motif\u00a0: ${input.rejectionReason}`, { gap: 12 });
  }
  space(12);
  write("Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.", { gap: 24 });
  write("Pour le ministre et par délégation, la DCTCIV", { bold: true });
  return save();
}
