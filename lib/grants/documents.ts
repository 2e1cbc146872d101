/**
 * The grant's documents as PDF, written from its rows alone (the agreement's
 * terms are copied on the grant when it is generated, lib/grants/record.ts),
 * dated with the act they record: the same rows always give the same bytes.
 */
import { formatDate, formatDateTime, formatMoneyCents } from "@/lib/format";
import { textDocument, writeHeading } from "@/lib/pdf/text-document";
import { frenchDate, instalmentLabel, reportLabel } from "./labels";
import { grantTerms } from "./terms";

export type AgreementInput = {
  reference: string;
  beneficiaryName: string;
  projectTitle: string;
  callTitle: string;
  grantedCents: number;
  years: number;
  finalBalancePercent: number;
  maxSharePercent: number;
  startsOn: string;
  durationMonths: number;
  sentAt: Date;
  signatoryName: string | null;
  signatoryFunction: string | null;
  signedAt: Date | null;
};

export function agreementFileName(reference: string) {
  return `convention-${reference.replace(/[^A-Za-z0-9-]/g, "")}.pdf`;
}

/** The grant agreement (convention): parties, object, amount, schedule, reports, obligations, acceptance. */
export async function agreementPdf(input: AgreementInput): Promise<Uint8Array> {
  const terms = grantTerms({
    grantedCents: input.grantedCents,
    rule: { years: input.years, finalBalancePercent: input.finalBalancePercent },
    startsOn: input.startsOn,
    durationMonths: input.durationMonths,
  });
  const { write, space, save } = await textDocument({
    title: `Convention de subvention ${input.reference} — ${input.projectTitle}`,
    date: input.signedAt ?? input.sentAt,
  });
  writeHeading(write);
  write(`Convention de subvention n°\u00a0${input.reference}`, { bold: true, size: 15, gap: 12 });
  write(
    "Entre l’État, ministère de l’Europe et des Affaires étrangères, représenté par la DCTCIV, d’une part,",
  );
  write(`et ${input.beneficiaryName}, ci-après «\u00a0le bénéficiaire\u00a0», d’autre part.`, { gap: 16 });

  write("Article 1 — Objet", { bold: true });
  write(
    `La présente convention fixe les conditions dans lesquelles l’État soutient le projet «\u00a0${input.projectTitle}\u00a0», retenu au titre de l’appel à projets «\u00a0${input.callTitle}\u00a0».`,
    { gap: 12 },
  );
  write("Article 2 — Montant et durée", { bold: true });
  write(
    `La subvention s’élève à ${formatMoneyCents(input.grantedCents)}. Le projet se déroule du ${frenchDate(terms.startsOn)} au ${frenchDate(terms.endsOn)}${input.years > 1 ? `, sur ${input.years} années` : ""}.`,
    { gap: 12 },
  );
  write("Article 3 — Versements", { bold: true });
  for (const i of terms.instalments) {
    const condition =
      i.releasedBy.kind === "signature"
        ? "à la signature de la présente convention"
        : `après validation du ${reportLabel(i.releasedBy.reportPosition === input.years ? "final" : "intermediate", i.releasedBy.reportPosition).toLowerCase()}`;
    write(`— ${instalmentLabel(i, input.years)}\u00a0: ${formatMoneyCents(i.amountCents)}, ${condition}.`);
  }
  if (input.finalBalancePercent > 0) {
    write(
      `Le solde (${input.finalBalancePercent}\u00a0% du montant de la dernière année) est versé après le rapport final.`,
    );
  }
  space(6);
  write("Article 4 — Rapports", { bold: true });
  terms.reportDueDates.forEach((due, i) => {
    const position = i + 1;
    write(
      `— ${reportLabel(position === input.years ? "final" : "intermediate", position)}, technique et financier, au plus tard le ${frenchDate(due)}.`,
    );
  });
  space(6);
  write("Article 5 — Obligations du bénéficiaire", { bold: true });
  write(
    "Le bénéficiaire affecte la subvention au seul projet décrit, rend compte de sa réalisation et de ses dépenses réelles poste par poste du budget, et mentionne le soutien du ministère dans sa communication.",
  );
  write(
    `La subvention ne peut excéder ${input.maxSharePercent}\u00a0% des dépenses réellement engagées\u00a0: si elles sont inférieures au budget prévu, le solde est réduit d’autant et les sommes versées au-delà sont reversées à l’État.`,
  );
  write(
    "Un rapport non remis à sa date suspend les versements suivants et rend le bénéficiaire inéligible aux appels à projets jusqu’à sa remise.",
    { gap: 16 },
  );
  write("Acceptation", { bold: true });
  write(`Convention émise le ${formatDate(input.sentAt)}.`);
  if (input.signedAt && input.signatoryName) {
    write(
      `Acceptée en ligne le ${formatDateTime(input.signedAt)} (heure de Paris) par ${input.signatoryName}, ${input.signatoryFunction ?? ""}, pour ${input.beneficiaryName}.`,
      { bold: true },
    );
  } else {
    write("En attente de l’acceptation du signataire habilité du bénéficiaire.");
  }
  return save();
}

export type PaymentNoticeInput = {
  reference: string;
  beneficiaryName: string;
  projectTitle: string;
  years: number;
  instalment: {
    position: number;
    kind: string;
    year: number;
    paidCents: number;
    paidOn: string;
    paymentReference: string;
  };
  recordedAt: Date;
};

/** The notice of one payment of the grant. */
export async function paymentNoticePdf(input: PaymentNoticeInput): Promise<Uint8Array> {
  const { write, save } = await textDocument({
    title: `Avis de versement — ${input.reference} — ${instalmentLabel(input.instalment, input.years)}`,
    date: input.recordedAt,
  });
  writeHeading(write);
  write("Avis de versement", { bold: true, size: 15, gap: 12 });
  write(input.beneficiaryName, { bold: true, gap: 12 });
  write(`Convention n°\u00a0${input.reference} — projet «\u00a0${input.projectTitle}\u00a0»`, { gap: 12 });
  write(
    `${instalmentLabel(input.instalment, input.years)}\u00a0: ${formatMoneyCents(input.instalment.paidCents)}`,
    {
      bold: true,
      size: 13,
    },
  );
  write(`Versé le ${frenchDate(input.instalment.paidOn)}, référence ${input.instalment.paymentReference}.`);
  return save();
}
