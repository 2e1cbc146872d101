/**
 * The decision letter an applicant downloads from their space once the
 * call's results are published: a one-page PDF with the decision's date and,
 * for a project retained, the amount granted. DejaVu Sans (npm
 * dejavu-fonts-ttf) is embedded so French accents, « » and no-break spaces
 * print as written (the standard PDF fonts only know WinAnsi).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, rgb } from "pdf-lib";
import { formatDate, formatMoneyCents } from "@/lib/format";

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

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
let fonts: Promise<[Uint8Array, Uint8Array]> | undefined;
const loadFonts = () => {
  fonts ??= Promise.all([
    readFile(path.join(FONT_DIR, "DejaVuSans.ttf")),
    readFile(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")),
  ]);
  return fonts;
};

/** Splits a text into lines that fit the width, on spaces. */
function wrap(text: string, font: PDFFont, size: number, width: number) {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

export function letterFileName(receiptNumber: string | null) {
  return `decision-${(receiptNumber ?? "dossier").replace(/[^A-Za-z0-9-]/g, "")}.pdf`;
}

export async function decisionLetterPdf(input: LetterInput): Promise<Uint8Array> {
  const [regularBytes, boldBytes] = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`Décision — ${input.applicationTitle}`);
  doc.setLanguage("fr-FR");
  doc.setAuthor("Ministère de l’Europe et des Affaires étrangères — DCTCIV");
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  const margin = 60;
  const width = page.getWidth() - 2 * margin;
  let y = page.getHeight() - margin;
  const write = (text: string, options: { size?: number; font?: PDFFont; gap?: number } = {}) => {
    const size = options.size ?? 11;
    const font = options.font ?? regular;
    for (const line of wrap(text, font, size, width)) {
      page.drawText(line, { x: margin, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size * 1.45;
    }
    y -= options.gap ?? 6;
  };
  write("Ministère de l’Europe et des Affaires étrangères", { font: bold, size: 12, gap: 0 });
  write("Délégation pour les collectivités territoriales et la société civile (DCTCIV)", { gap: 24 });
  write(`Paris, le ${formatDate(input.decidedAt)}`, { gap: 18 });
  write(input.leadName, { font: bold, gap: 18 });
  write(
    `Objet\u00a0: décision sur votre dossier «\u00a0${input.applicationTitle}\u00a0»${input.receiptNumber ? ` (n° ${input.receiptNumber})` : ""}`,
    { font: bold, gap: 12 },
  );
  write(`Appel à projets «\u00a0${input.callTitle}\u00a0»`, { gap: 18 });
  write("Madame, Monsieur,", { gap: 10 });
  if (input.outcome === "accepted") {
    write(
      `J’ai le plaisir de vous informer que votre projet a été retenu par décision du ${formatDate(input.decidedAt)}.`,
    );
    write(`Montant de la subvention accordée\u00a0: ${formatMoneyCents(input.grantedAmountCents ?? 0)}.`, {
      font: bold,
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
  y -= 12;
  write("Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.", { gap: 24 });
  write("Pour le ministre et par délégation, la DCTCIV", { font: bold });
  return doc.save();
}
