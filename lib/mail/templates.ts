/**
 * The service's e-mails, in French. Each function returns the subject, a
 * plain-text body and an HTML body; every value put into the HTML is escaped
 * (see `html`), and links must be absolute http(s) URLs.
 */
import { callReference } from "@/lib/calls/labels";
import { formatDateTime, formatFileSize, formatMoneyCents } from "@/lib/format";
import { html, type SafeHtml, safeUrl } from "./html";

export type EmailContent = { subject: string; text: string; html: string };

const NBSP = "\u00a0";
const SERVICE = "la plateforme des appels à projets de coopération décentralisée";
const SIGNATURE = [
  "Délégation pour les collectivités territoriales et la société civile (DCTCIV)",
  "Ministère de l'Europe et des Affaires étrangères",
];
const AUTOMATIC = "Ce message a été envoyé automatiquement\u00a0: merci de ne pas y répondre.";

/** « titre », with French no-break spaces inside the quotes. */
const quoted = (value: string) => `«${NBSP}${value}${NBSP}»`;
/** Subjects are one line, whatever the titles they quote contain. */
const oneLine = (value: string) => value.replace(/\s+/g, " ").trim();

/** One part of a message, written once and rendered both as text and as HTML. */
type Block = { text: string; html: SafeHtml };

function paragraph(text: string): Block {
  return { text, html: html`<p style="margin:0 0 16px">${text}</p>` };
}

function button(label: string, url: string): Block {
  const href = safeUrl(url);
  return {
    text: `${label}${NBSP}:\n${href}`,
    html: html`<p style="margin:0 0 16px"><a href="${href}" style="display:inline-block;padding:10px 16px;background:#000091;color:#ffffff;text-decoration:none;font-weight:bold">${label}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#3a3a3a">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur${NBSP}:<br><a href="${href}" style="color:#000091;word-break:break-all">${href}</a></p>`,
  };
}

function facts(rows: ReadonlyArray<readonly [label: string, value: string]>): Block {
  return {
    text: rows.map(([label, value]) => `${label}${NBSP}: ${value}`).join("\n"),
    html: html`<table role="presentation" style="margin:0 0 16px;border-collapse:collapse">${rows.map(
      ([label, value]) =>
        html`<tr><th scope="row" style="text-align:left;padding:4px 12px 4px 0;font-weight:normal;color:#3a3a3a;vertical-align:top">${label}</th><td style="padding:4px 0;font-weight:bold;white-space:pre-line">${value}</td></tr>`,
    )}</table>`,
  };
}

function compose(subject: string, blocks: Block[]): EmailContent {
  const cleanSubject = oneLine(subject);
  const text = [
    "Bonjour,",
    ...blocks.map((block) => block.text),
    `Cordialement,\n${SIGNATURE.join("\n")}`,
    `-- \n${AUTOMATIC}`,
  ].join("\n\n");
  const body = html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${cleanSubject}</title>
</head>
<body style="margin:0;padding:24px;background:#f6f6f6;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#161616">
<div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px">
<p style="margin:0 0 16px">Bonjour,</p>
${blocks.map((block) => html`${block.html}\n`)}<p style="margin:0 0 16px">Cordialement,<br>${SIGNATURE.map((line, i) => html`${i > 0 ? html`<br>` : ""}${line}`)}</p>
<p style="margin:24px 0 0;font-size:14px;color:#3a3a3a">${AUTOMATIC}</p>
</div>
</body>
</html>
`;
  return { subject: cleanSubject, text: `${text}\n`, html: body.value };
}

/** The magic link of the e-mail sign-in. */
export function signInLinkEmail({ url, host }: { url: string; host: string }): EmailContent {
  return compose(`Votre lien de connexion à ${host}`, [
    paragraph(`Vous avez demandé à vous connecter à ${SERVICE} (${host}).`),
    button("Se connecter", url),
    paragraph(`Ce lien est valable 24${NBSP}heures et ne peut être utilisé qu'une seule fois.`),
    paragraph(
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message\u00a0: sans ce lien, personne ne peut se connecter à votre compte.",
    ),
  ]);
}

/** The acknowledgement of a submitted application, with its receipt number. */
export function receiptEmail({
  applicationTitle,
  receiptNumber,
  callTitle,
  submittedAt,
  url,
  documents,
}: {
  applicationTitle: string;
  receiptNumber: string;
  callTitle: string;
  submittedAt: Date;
  url?: string;
  /** The documents attached at submission, so the receipt proves which files were sent. */
  documents?: readonly { label: string; name: string; sizeBytes: number; sha256: string }[];
}): EmailContent {
  return compose(`Accusé de réception de votre candidature n° ${receiptNumber}`, [
    paragraph(
      `Votre dossier de candidature ${quoted(applicationTitle)} a bien été déposé au titre de ${callReference(callTitle)}.`,
    ),
    facts([
      ["Numéro d'accusé de réception", receiptNumber],
      ["Déposé le", `${formatDateTime(submittedAt)} (heure de Paris)`],
    ]),
    ...(documents?.length
      ? [
          paragraph(`Pièces jointes déposées (nom, taille, empreinte SHA-256)${NBSP}:`),
          facts(
            documents.map((d) => [
              d.label,
              `${d.name} (${formatFileSize(d.sizeBytes)})\nSHA-256 ${d.sha256}`,
            ]),
          ),
        ]
      : []),
    paragraph(
      "Conservez ce numéro\u00a0: il vous sera demandé pour toute question sur votre dossier. Vous serez informé(e) par courriel de la suite donnée à votre candidature.",
    ),
    ...(url ? [button("Consulter le dossier", url)] : []),
  ]);
}

/** The decision on an application: accepted with the granted amount, or rejected with the reason. */
export function decisionEmail({
  applicationTitle,
  callTitle,
  accepted,
  grantedAmountCents,
  reason,
  url,
  republished = false,
}: {
  applicationTitle: string;
  callTitle: string;
  accepted: boolean;
  grantedAmountCents?: number | null;
  reason?: string | null;
  url?: string;
  /** The results were withdrawn before: this message replaces the withdrawal's, changed or not. */
  republished?: boolean;
}): EmailContent {
  const link = url ? [button("Consulter la décision", url)] : [];
  const again = republished
    ? [
        paragraph(
          "Les résultats de cet appel, retirés de la publication, sont de nouveau publiés. Voici la décision qui s'applique à votre dossier.",
        ),
      ]
    : [];
  if (accepted) {
    return compose(`Votre projet ${quoted(applicationTitle)} est retenu`, [
      ...again,
      paragraph(
        `Nous avons le plaisir de vous informer que votre projet ${quoted(applicationTitle)}, présenté au titre de ${callReference(callTitle)}, a été retenu.`,
      ),
      ...(grantedAmountCents != null
        ? [facts([["Montant accordé", formatMoneyCents(grantedAmountCents)]])]
        : []),
      paragraph("Vous recevrez prochainement les documents nécessaires au versement de la subvention."),
      ...link,
    ]);
  }
  return compose(`Décision sur votre projet ${quoted(applicationTitle)}`, [
    ...again,
    paragraph(
      `Nous avons le regret de vous informer que votre projet ${quoted(applicationTitle)}, présenté au titre de ${callReference(callTitle)}, n'a pas été retenu.`,
    ),
    reason?.trim()
      ? facts([["Motif", reason.trim()]])
      : paragraph("Le motif de la décision est consultable dans votre espace."),
    ...link,
  ]);
}

/** A reviewer asks the applicant for more information. */
export function informationRequestEmail({
  applicationTitle,
  callTitle,
  message,
  dueAt,
  url,
}: {
  applicationTitle: string;
  callTitle: string;
  /** The reviewer's request, quoted as written. */
  message?: string | null;
  /** When the answer is expected, if there is a deadline. */
  dueAt?: Date | null;
  url: string;
}): EmailContent {
  return compose(`Demande de compléments sur votre dossier ${quoted(applicationTitle)}`, [
    paragraph(
      `Le service instructeur de ${callReference(callTitle)} demande des compléments sur votre dossier ${quoted(applicationTitle)}.`,
    ),
    ...(message?.trim() ? [facts([["Demande", message.trim()]])] : []),
    ...(dueAt ? [paragraph(`Merci de répondre avant le ${formatDateTime(dueAt)} (heure de Paris).`)] : []),
    paragraph(
      "L'instruction de votre dossier reprendra dès réception de votre réponse, à apporter depuis votre espace.",
    ),
    button("Répondre à la demande", url),
  ]);
}

/** An admin reopened a submitted review so that its reviewer corrects it. */
export function reviewReopenedEmail({
  applicationTitle,
  callTitle,
  reason,
  url,
}: {
  applicationTitle: string;
  callTitle: string;
  reason: string;
  url: string;
}): EmailContent {
  return compose(`Votre évaluation du dossier ${quoted(applicationTitle)} est rouverte`, [
    paragraph(
      `Un administrateur a rouvert votre évaluation du dossier ${quoted(applicationTitle)} (appel à projets ${quoted(callTitle)})\u00a0: vous pouvez la corriger puis la soumettre à nouveau.`,
    ),
    facts([["Motif", reason.trim()]]),
    button("Reprendre l'évaluation", url),
  ]);
}

/**
 * Published results are withdrawn: the applicant who was told the decision is
 * told it no longer stands as published, with the admin's reason.
 */
export function decisionWithdrawnEmail({
  applicationTitle,
  callTitle,
  reason,
  url,
}: {
  applicationTitle: string;
  callTitle: string;
  reason: string;
  url: string;
}): EmailContent {
  return compose(`Résultats retirés pour votre dossier ${quoted(applicationTitle)}`, [
    paragraph(
      `Les résultats de l'appel à projets ${quoted(callTitle)} ont été retirés de la publication. La décision qui vous a été communiquée sur votre dossier ${quoted(applicationTitle)} est suspendue\u00a0: votre dossier est de nouveau en instruction.`,
    ),
    facts([["Motif du retrait", reason.trim()]]),
    paragraph("Vous recevrez un nouveau courriel lorsque les résultats seront publiés à nouveau."),
    button("Accéder à mon espace", url),
  ]);
}

/** The applicant answered an information request: to the reviewers who asked in the thread. */
export function informationAnsweredEmail({
  applicationTitle,
  callTitle,
  documents,
  url,
}: {
  applicationTitle: string;
  callTitle: string;
  /** The documents sent with the answer (names as stored, sizes in bytes). */
  documents: readonly { name: string; sizeBytes: number }[];
  url: string;
}): EmailContent {
  return compose(`Réponse du porteur sur le dossier ${quoted(applicationTitle)}`, [
    paragraph(
      `Le porteur du dossier ${quoted(applicationTitle)} (appel à projets ${quoted(callTitle)}) a répondu à votre demande de compléments.`,
    ),
    documents.length
      ? facts([
          [
            documents.length > 1 ? "Documents joints" : "Document joint",
            documents.map((d) => `${d.name} (${formatFileSize(d.sizeBytes)})`).join("\n"),
          ],
        ])
      : paragraph("La réponse ne comporte pas de document."),
    paragraph("Le dossier est de nouveau en instruction."),
    button("Lire la réponse", url),
  ]);
}

/** An invitation to join an organisation's space. */
export function invitationEmail({
  organisationName,
  inviterName,
  url,
}: {
  organisationName: string;
  inviterName: string;
  url: string;
}): EmailContent {
  return compose(`Invitation à rejoindre ${organisationName}`, [
    paragraph(
      `${inviterName} vous invite à rejoindre l'espace de ${organisationName} sur ${SERVICE}, pour préparer et suivre ensemble ses dossiers de candidature.`,
    ),
    button("Accepter l'invitation", url),
    paragraph(
      "Si vous ne connaissez pas cette personne ou ne souhaitez pas rejoindre cet espace, ignorez ce message\u00a0: vous ne serez pas ajouté(e) à cet espace.",
    ),
  ]);
}

/** DCTCIV sent the grant agreement of a laureate: to read and sign online. */
export function agreementSentEmail({
  applicationTitle,
  reference,
  grantedAmountCents,
  url,
}: {
  applicationTitle: string;
  reference: string;
  grantedAmountCents: number;
  url: string;
}): EmailContent {
  return compose(`Convention de subvention à signer pour ${quoted(applicationTitle)}`, [
    paragraph(
      `La convention de subvention de votre projet ${quoted(applicationTitle)} est prête. Votre signataire habilité peut la lire et l'accepter en ligne, ou en déposer un exemplaire signé.`,
    ),
    facts([
      ["Convention", reference],
      ["Montant accordé", formatMoneyCents(grantedAmountCents)],
    ]),
    paragraph("Le premier versement est mis en paiement dès la signature."),
    button("Lire et signer la convention", url),
  ]);
}

/** DCTCIV accepted a report, or sends it back asking for more. */
export function reportReviewedEmail({
  applicationTitle,
  reportLabel,
  accepted,
  comment,
  releasedCents,
  url,
}: {
  applicationTitle: string;
  /** « Rapport intermédiaire n° 1 », « Rapport final ». */
  reportLabel: string;
  accepted: boolean;
  comment?: string | null;
  /** The instalment the acceptance makes payable, if any. */
  releasedCents?: number | null;
  url: string;
}): EmailContent {
  if (accepted) {
    return compose(`${reportLabel} validé pour ${quoted(applicationTitle)}`, [
      paragraph(`Votre ${reportLabel.toLowerCase()} du projet ${quoted(applicationTitle)} est validé.`),
      ...(releasedCents ? [facts([["Versement mis en paiement", formatMoneyCents(releasedCents)]])] : []),
      ...(comment?.trim() ? [facts([["Commentaire", comment.trim()]])] : []),
      button("Voir l'échéancier", url),
    ]);
  }
  return compose(
    `Compléments demandés sur votre ${reportLabel.toLowerCase()} pour ${quoted(applicationTitle)}`,
    [
      paragraph(
        `La délégation demande des compléments sur votre ${reportLabel.toLowerCase()} du projet ${quoted(applicationTitle)} avant de le valider.`,
      ),
      facts([["Demande", comment?.trim() ?? ""]]),
      paragraph("Complétez le rapport depuis votre espace et envoyez-le de nouveau."),
      button("Compléter le rapport", url),
    ],
  );
}

/** A payment of the grant was recorded: the payment notice. */
export function paymentNoticeEmail({
  applicationTitle,
  instalmentLabel,
  paidCents,
  paidOn,
  reference,
  url,
}: {
  applicationTitle: string;
  instalmentLabel: string;
  paidCents: number;
  /** « 15/03/2026 ». */
  paidOn: string;
  reference: string;
  url: string;
}): EmailContent {
  return compose(`Avis de versement pour ${quoted(applicationTitle)}`, [
    paragraph(`Un versement de la subvention de votre projet ${quoted(applicationTitle)} a été effectué.`),
    facts([
      ["Versement", instalmentLabel],
      ["Montant", formatMoneyCents(paidCents)],
      ["Date", paidOn],
      ["Référence", reference],
    ]),
    button("Voir l'échéancier", url),
  ]);
}

/** A report is due soon, or overdue (the reminders' job). */
export function reportReminderEmail({
  applicationTitle,
  reportLabel,
  dueOn,
  overdue,
  url,
}: {
  applicationTitle: string;
  reportLabel: string;
  /** « 01/09/2026 ». */
  dueOn: string;
  overdue: boolean;
  url: string;
}): EmailContent {
  return compose(
    overdue
      ? `${reportLabel} en retard pour ${quoted(applicationTitle)}`
      : `${reportLabel} attendu le ${dueOn} pour ${quoted(applicationTitle)}`,
    [
      paragraph(
        overdue
          ? `Le ${reportLabel.toLowerCase()} de votre projet ${quoted(applicationTitle)} était attendu le ${dueOn}. Tant qu'il n'est pas envoyé, le versement suivant est suspendu et votre collectivité ne peut pas déposer de nouveau dossier.`
          : `Le ${reportLabel.toLowerCase()} de votre projet ${quoted(applicationTitle)} est attendu le ${dueOn}\u00a0: il conditionne le versement suivant.`,
      ),
      button("Rédiger le rapport", url),
    ],
  );
}
