/**
 * The service's PDF documents (decision letter, grant agreement, payment
 * notice) are text on A4 pages, written with pdf-lib. DejaVu Sans (npm
 * dejavu-fonts-ttf) is embedded so French accents, « » and no-break spaces
 * print as written (the standard PDF fonts only know WinAnsi). A document
 * given `date` carries it as its creation and modification dates instead of
 * the clock's, so the same rows always give the same bytes.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";

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

export type WriteOptions = { size?: number; bold?: boolean; gap?: number };

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 60;
const AUTHOR = "Ministère de l’Europe et des Affaires étrangères — DCTCIV";

/** A new document and its `write`: wrapped paragraphs, a new page when one is full. */
export async function textDocument(meta: { title: string; date?: Date }) {
  const [regularBytes, boldBytes] = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(meta.title);
  doc.setLanguage("fr-FR");
  doc.setAuthor(AUTHOR);
  doc.setProducer("pdf-lib");
  doc.setCreator("Plateforme des appels à projets de coopération décentralisée");
  if (meta.date) {
    doc.setCreationDate(meta.date);
    doc.setModificationDate(meta.date);
  }
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  let page: PDFPage = doc.addPage(A4);
  const width = A4[0] - 2 * MARGIN;
  let y = A4[1] - MARGIN;

  const write = (text: string, options: WriteOptions = {}) => {
    const size = options.size ?? 11;
    const font = options.bold ? bold : regular;
    for (const line of wrap(text, font, size, width)) {
      if (y < MARGIN + size) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(line, { x: MARGIN, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= size * 1.45;
    }
    y -= options.gap ?? 6;
  };
  const space = (points: number) => {
    y -= points;
  };
  return { doc, write, space, save: () => doc.save() };
}

/** The ministry's heading, first on every document. */
export function writeHeading(write: (text: string, options?: WriteOptions) => void) {
  write("Ministère de l’Europe et des Affaires étrangères", { bold: true, size: 12, gap: 0 });
  write("Délégation pour les collectivités territoriales et la société civile (DCTCIV)", { gap: 24 });
}
