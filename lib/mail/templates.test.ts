import { describe, expect, it } from "vitest";
import {
  decisionEmail,
  type EmailContent,
  informationRequestEmail,
  invitationEmail,
  receiptEmail,
  signInLinkEmail,
} from "./templates";

/** Text with the French no-break spaces read as plain spaces, for readable assertions. */
const plain = (value: string) => value.replace(/[\u00a0\u202f]/g, " ");

const hostile = `<script>alert("x")</script> & 'co'`;

function expectNoRawMarkup(email: EmailContent) {
  expect(email.html).not.toContain("<script>");
  expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;");
  // The text version keeps the value as written.
  expect(email.text).toContain(hostile);
}

describe("signInLinkEmail", () => {
  const email = signInLinkEmail({
    url: "https://cooperation.example/api/auth/callback/nodemailer?token=abc&email=a%40b.fr",
    host: "cooperation.example",
  });

  it("gives the link, its validity, its single use, and what to do if one did not ask", () => {
    expect(email.subject).toBe("Votre lien de connexion à cooperation.example");
    const text = plain(email.text);
    expect(text).toContain(
      "https://cooperation.example/api/auth/callback/nodemailer?token=abc&email=a%40b.fr",
    );
    expect(text).toContain("valable 24 heures");
    expect(text).toContain("une seule fois");
    expect(text).toContain("Si vous n'êtes pas à l'origine de cette demande, ignorez ce message");
  });

  it("escapes the link in the HTML attribute", () => {
    expect(email.html).toContain(
      'href="https://cooperation.example/api/auth/callback/nodemailer?token=abc&amp;email=a%40b.fr"',
    );
    expect(email.html).toContain('<html lang="fr">');
  });

  it("refuses a link that is not http(s)", () => {
    expect(() => signInLinkEmail({ url: "javascript:alert(1)", host: "x" })).toThrow();
  });
});

describe("receiptEmail", () => {
  it("gives the receipt number and the submission time in Paris (winter and summer)", () => {
    const winter = receiptEmail({
      applicationTitle: "Eau potable à Kayes",
      receiptNumber: "AAP-2026-00042",
      callTitle: "Appel à projets 2026",
      submittedAt: new Date("2026-03-15T11:00:00Z"),
    });
    expect(winter.subject).toBe("Accusé de réception de votre candidature n° AAP-2026-00042");
    expect(plain(winter.text)).toContain("Numéro d'accusé de réception : AAP-2026-00042");
    expect(plain(winter.text)).toContain("Déposé le : 15 mars 2026 à 12 h 00 (heure de Paris)");
    expect(plain(winter.text)).toContain("« Eau potable à Kayes »");

    const summer = receiptEmail({
      applicationTitle: "x",
      receiptNumber: "1",
      callTitle: "y",
      submittedAt: new Date("2026-07-01T21:30:00Z"),
    });
    expect(plain(summer.text)).toContain("1er juillet 2026 à 23 h 30");
  });

  it("lists the documents attached with their name, size and SHA-256", () => {
    const sha = "a".repeat(64);
    const email = receiptEmail({
      applicationTitle: "Eau potable à Kayes",
      receiptNumber: "N-2",
      callTitle: "Appel",
      submittedAt: new Date("2026-03-15T11:00:00Z"),
      documents: [{ label: "Délibération", name: "deliberation.pdf", sizeBytes: 2048, sha256: sha }],
    });
    expect(plain(email.text)).toContain("Pièces jointes déposées (nom, taille, empreinte SHA-256) :");
    expect(plain(email.text)).toContain(`Délibération : deliberation.pdf (2 Ko)\nSHA-256 ${sha}`);
    expect(email.html).toContain(sha);
    const none = receiptEmail({
      applicationTitle: "x",
      receiptNumber: "N-3",
      callTitle: "y",
      submittedAt: new Date("2026-03-15T11:00:00Z"),
    });
    expect(none.text).not.toContain("SHA-256");
  });

  it("escapes every value in the HTML", () => {
    const email = receiptEmail({
      applicationTitle: hostile,
      receiptNumber: "N-1",
      callTitle: "Appel",
      submittedAt: new Date("2026-03-15T11:00:00Z"),
      url: "https://cooperation.example/espace/dossiers/1",
    });
    expectNoRawMarkup(email);
    expect(email.html).toContain('href="https://cooperation.example/espace/dossiers/1"');
  });

  it("keeps the subject on one line whatever the receipt number holds", () => {
    const email = receiptEmail({
      applicationTitle: "x",
      receiptNumber: "A\r\nBcc: someone@example.com",
      callTitle: "y",
      submittedAt: new Date(),
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
  });
});

describe("decisionEmail", () => {
  it("announces an acceptance with the granted amount, French style", () => {
    const email = decisionEmail({
      applicationTitle: "Jumelage Lyon–Beyrouth",
      callTitle: "Appel à projets 2026",
      accepted: true,
      grantedAmountCents: 1_250_000,
    });
    expect(plain(email.subject)).toBe("Votre projet « Jumelage Lyon–Beyrouth » est retenu");
    expect(plain(email.text)).toContain("a été retenu");
    expect(plain(email.text)).toContain("Montant accordé : 12 500 €");
    expect(email.text).toContain("12\u202f500\u00a0€");
    expect(plain(email.html)).toContain("12 500 €");
  });

  it("shows cents only when there are some", () => {
    const email = decisionEmail({
      applicationTitle: "x",
      callTitle: "y",
      accepted: true,
      grantedAmountCents: 1_250_050,
    });
    expect(plain(email.text)).toContain("12 500,50 €");
  });

  it("announces a rejection with its reason, line breaks kept", () => {
    const email = decisionEmail({
      applicationTitle: "x",
      callTitle: "y",
      accepted: false,
      reason: "Budget incomplet.\nPartenaire non éligible.",
    });
    expect(plain(email.text)).toContain("n'a pas été retenu");
    expect(plain(email.text)).toContain("Motif : Budget incomplet.\nPartenaire non éligible.");
    expect(email.text).not.toContain("Montant accordé");
    expect(email.html).toContain("white-space:pre-line");
  });

  it("escapes every value in the HTML", () => {
    expectNoRawMarkup(
      decisionEmail({ applicationTitle: "x", callTitle: "y", accepted: false, reason: hostile }),
    );
    expectNoRawMarkup(decisionEmail({ applicationTitle: hostile, callTitle: "y", accepted: true }));
  });
});

describe("informationRequestEmail", () => {
  it("quotes the request, gives the deadline in Paris and the link to answer", () => {
    const email = informationRequestEmail({
      applicationTitle: "Eau potable",
      callTitle: "Appel 2026",
      message: "Merci de joindre le budget signé.",
      dueAt: new Date("2026-04-10T21:59:00Z"),
      url: "https://cooperation.example/espace/dossiers/7",
    });
    expect(plain(email.subject)).toBe("Demande de compléments sur votre dossier « Eau potable »");
    const text = plain(email.text);
    expect(text).toContain("Demande : Merci de joindre le budget signé.");
    expect(text).toContain("avant le 10 avril 2026 à 23 h 59 (heure de Paris)");
    expect(text).toContain("https://cooperation.example/espace/dossiers/7");
  });

  it("escapes every value in the HTML", () => {
    expectNoRawMarkup(
      informationRequestEmail({
        applicationTitle: "x",
        callTitle: "y",
        message: hostile,
        url: "https://a.example/",
      }),
    );
  });
});

describe("invitationEmail", () => {
  it("names the inviter and the organisation and gives the link", () => {
    const email = invitationEmail({
      organisationName: "Commune de Thiers",
      inviterName: "Camille Martin",
      url: "https://cooperation.example/invitation/abc",
    });
    expect(email.subject).toBe("Invitation à rejoindre Commune de Thiers");
    expect(email.text).toContain("Camille Martin vous invite à rejoindre l'espace de Commune de Thiers");
    expect(email.text).toContain("https://cooperation.example/invitation/abc");
    expect(email.text).toContain("ignorez ce message");
  });

  it("escapes every value in the HTML", () => {
    expectNoRawMarkup(
      invitationEmail({ organisationName: "x", inviterName: hostile, url: "https://a.example/" }),
    );
    expectNoRawMarkup(
      invitationEmail({ organisationName: hostile, inviterName: "x", url: "https://a.example/" }),
    );
  });
});
