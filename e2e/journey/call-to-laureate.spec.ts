import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "../fixtures";
import { token, withSql } from "../support/calls-db";
import { type PersonaKey, personaName, signInAs } from "../support/personas";

/**
 * The whole life of a call, through the UI only, each persona in its own
 * browser: an admin creates a call; an applicant of Thiers prepares and submits
 * an application; the admin assigns it to a reviewer, who scores it; the admin
 * closes the call, accepts the application and publishes the results; a
 * visitor finds the laureate, and the applicant sees the decision.
 * The database is only read, to check what the pages said.
 */

// The call's « Année » is 2016 while its dates are today's: publishing a
// laureate of the current year would change what other tests read (the home
// page shows the last published year's figures, the laureates' year filter has
// no current year). 2016 is the year the e2e tests publish their own calls in.
const YEAR = 2016;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** « 2026-12-03T18:47 », the wall time in Paris that a datetime-local field of the call form expects. */
function parisWallTime(date: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A signed-in persona in a browser context of its own. */
async function personaPage(browser: Browser, key: PersonaKey) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, key);
  return page;
}

const DAY = 86_400_000;

// A step whose control is missing fails in its own time rather than at the end of the long test's.
test.use({ actionTimeout: 30_000 });

test("a call goes from its creation to its public laureate, through the UI of each persona", async ({
  browser,
}) => {
  // Four personas, some twenty pages, several checked by axe, on a loaded shared machine.
  test.setTimeout(480_000);
  const t = token();
  const callTitle = `Appel parcours complet ${t}`;
  const slug = `parcours-${t.toLowerCase()}`;
  const code = `P${t}`;
  const projectTitle = `Projet parcours ${t} eau potable partagée`;
  const documentLabel = "Délibération du conseil municipal";
  const pages: Page[] = [];
  const open = async (key: PersonaKey) => {
    const page = await personaPage(browser, key);
    pages.push(page);
    return page;
  };

  try {
    // 1. The admin creates the call, open since yesterday, closing in a few days.
    const admin = await open("admin");
    await admin.goto("/admin/appels");
    await admin.getByRole("link", { name: "Créer un appel" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Nouvel appel à projets" })).toBeVisible();
    await admin.getByLabel("Titre de l’appel").fill(callTitle);
    await admin.getByLabel("Année").fill(String(YEAR));
    await admin.getByLabel("Code court").fill(code);
    await admin.getByLabel("Adresse de la page").fill(slug);
    await admin.getByLabel("Description").fill("Un appel créé par le test du parcours complet.");
    await admin.getByLabel("Thématiques").fill("Jeunesse\nCitoyenneté");
    await admin.getByLabel("Ouverture", { exact: true }).fill(parisWallTime(new Date(Date.now() - DAY)));
    await admin.getByLabel("Clôture", { exact: true }).fill(parisWallTime(new Date(Date.now() + 5 * DAY)));
    await admin.getByLabel("Enveloppe budgétaire (€)").fill("100 000");
    await admin.getByLabel("Subvention maximale par dossier (€)").fill("15 000");
    await admin.getByLabel("Instructeurs par dossier").fill("1");
    const first = admin.getByRole("group", { name: "Critère 1" });
    await first.getByLabel("Intitulé").fill("Pertinence du projet");
    await first.getByLabel("Poids").fill("2");
    await admin.getByRole("button", { name: "Ajouter un critère" }).click();
    const second = admin.getByRole("group", { name: "Critère 2" });
    await second.getByLabel("Intitulé").fill("Qualité du partenariat");
    await second.getByLabel("Poids").fill("1");
    await second.getByLabel("Note maximale").fill("10");
    await admin.getByRole("group", { name: "Document 1" }).getByLabel("Nom du document").fill(documentLabel);
    await admin.getByRole("button", { name: "Créer l’appel" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "L’appel a été enregistré." })).toBeVisible();
    await expect(admin.getByRole("heading", { level: 1, name: callTitle })).toBeVisible();
    await expect(admin.getByText("Ouvert", { exact: true })).toBeVisible();
    const callId = admin.url().match(/\/admin\/appels\/([0-9a-f-]{36})/)?.[1] as string;
    expect(callId).toBeTruthy();

    // 2. The applicant of Thiers creates an application on that call and submits it.
    const applicant = await open("applicant-thiers");
    await applicant.goto("/espace");
    await applicant.getByRole("link", { name: "Mes dossiers de candidature" }).click();
    await expect(
      applicant.getByRole("heading", { level: 1, name: "Mes dossiers de candidature" }),
    ).toBeVisible();
    const titleField = applicant.getByRole("textbox", {
      name: "Titre provisoire du projet",
      description: `Pour l’appel « ${callTitle} ». Vous pourrez le modifier.`,
    });
    await titleField.fill(projectTitle);
    await applicant
      .locator("form")
      .filter({ has: titleField })
      .getByRole("button", { name: "Créer le dossier" })
      .click();
    await expect(applicant.getByRole("heading", { level: 1, name: projectTitle })).toBeVisible();
    const applicationId = applicant.url().split("?")[0]?.split("/").pop() as string;

    await applicant
      .getByLabel("Date de début")
      .fill(parisWallTime(new Date(Date.now() + 60 * DAY)).slice(0, 10));
    await applicant.getByLabel("Durée (en mois)").fill("18");
    await applicant.getByRole("button", { name: "Étape suivante" }).click();

    await expect(applicant.getByRole("heading", { name: "Étape 2 sur 6 : Participants" })).toBeVisible();
    await applicant.getByLabel("Nom de la collectivité partenaire").fill("Pristina");
    await applicant.getByLabel("Type de collectivité").selectOption("municipality");
    await applicant.getByLabel("Pays").selectOption({ label: "Kosovo" });
    await applicant.getByRole("button", { name: "Ajouter le partenaire" }).click();
    await expect(
      applicant.getByRole("listitem").filter({ hasText: "Pristina — Municipalité, Kosovo" }),
    ).toBeVisible();
    // The lead is the only French collectivity.
    await applicant
      .getByLabel("Collectivité française")
      .selectOption({ label: "Thiers (commune, 63), chef de file" });
    await applicant
      .getByLabel("Partenaire étranger", { exact: true })
      .selectOption({ label: "Pristina (Kosovo)" });
    await applicant.getByRole("button", { name: "Ajouter le binôme" }).click();
    await expect(
      applicant
        .getByRole("listitem")
        .filter({ hasText: "Thiers (commune, 63), chef de file ↔ Pristina (Kosovo)" }),
    ).toBeVisible();
    await applicant.getByRole("button", { name: "Étape suivante" }).click();

    await expect(applicant.getByRole("heading", { name: "Étape 3 sur 6 : Contenu" })).toBeVisible();
    await applicant.getByLabel("Résumé du projet").fill("Partager les savoir-faire de la gestion de l’eau.");
    await applicant
      .getByLabel("Objectifs", { exact: true })
      .fill("Réduire les pertes du réseau de Pristina.");
    await applicant.getByLabel("Résultats attendus").fill("Un plan de renouvellement des conduites.");
    await applicant.getByLabel("Bénéficiaires").fill("Les habitants de Pristina.");
    // The call's own themes.
    await applicant.getByLabel("Jeunesse", { exact: true }).check();
    await applicant.getByLabel(/^ODD 6\s:/).check();
    await applicant.getByRole("button", { name: "Étape suivante" }).click();

    await expect(applicant.getByRole("heading", { name: "Étape 4 sur 6 : Budget" })).toBeVisible();
    await applicant.getByRole("button", { name: "Ajouter une dépense" }).click();
    await applicant.getByLabel("Libellé (dépense 1)").fill("Missions d’experts à Pristina");
    await applicant.getByLabel("Montant (dépense 1)").fill("20 000");
    await applicant.getByRole("button", { name: "Ajouter un apport propre" }).click();
    await applicant.getByLabel("Montant (apport 1)").fill("10 000");
    await applicant.getByLabel("Montant demandé au ministère").fill("10 000");
    await expect(applicant.getByText("Le budget est équilibré.")).toBeVisible();
    await applicant.getByRole("button", { name: "Étape suivante" }).click();

    await expect(applicant.getByRole("heading", { name: "Étape 5 sur 6 : Pièces jointes" })).toBeVisible();
    await applicant
      .getByLabel(`Choisir un fichier pour « ${documentLabel} »`)
      .setInputFiles({ name: "deliberation.pdf", mimeType: "application/pdf", buffer: PDF });
    await applicant.getByRole("button", { name: `Envoyer le fichier pour « ${documentLabel} »` }).click();
    await expect(applicant.getByText("« deliberation.pdf » a été enregistré.")).toBeVisible();

    await applicant.getByRole("button", { name: "Vérifier et déposer" }).click();
    await expect(applicant.getByRole("heading", { level: 1, name: "Vérification et dépôt" })).toBeVisible();
    await expect(applicant.getByText("Le dossier est complet : vous pouvez le déposer.")).toBeVisible();
    await applicant.getByRole("button", { name: "Déposer le dossier" }).click();
    await expect(applicant.getByRole("heading", { level: 1, name: "Accusé de réception" })).toBeVisible();
    const receipt = (await applicant.getByTestId("receipt-number").textContent()) ?? "";
    expect(receipt).toMatch(new RegExp(`^${YEAR}-${code}-\\d{4}$`));
    await expectNoAxeViolations(applicant);

    // 3. The admin assigns the reviewer by hand on the call's assignments page.
    const reviewerName = personaName("reviewer");
    await admin.goto(`/admin/appels/${callId}`);
    await admin.getByRole("link", { name: "Affecter les instructeurs" }).click();
    await expect(
      admin.getByRole("heading", { level: 1, name: "Affectation des instructeurs" }),
    ).toBeVisible();
    const row = admin.getByRole("row").filter({ hasText: projectTitle });
    await expect(row).toContainText(receipt);
    const select = row.getByRole("combobox", { name: /^Instructeur à affecter au dossier/ });
    const value = await select.locator("option", { hasText: reviewerName }).getAttribute("value");
    await select.selectOption(value as string);
    await row.getByRole("button", { name: /^Affecter au dossier/ }).click();
    await expect(row.getByRole("listitem").filter({ hasText: reviewerName })).toBeVisible();
    await expectNoAxeViolations(admin);

    // 4. The reviewer finds it on the dashboard, scores every criterion and submits.
    const reviewer = await open("reviewer");
    await reviewer.goto("/instruction");
    await expect(reviewer.getByRole("heading", { level: 1, name: "Instruction des dossiers" })).toBeVisible();
    await reviewer.getByRole("searchbox", { name: "Rechercher" }).fill(t);
    await reviewer.getByRole("button", { name: "Filtrer" }).click();
    await expect(reviewer).toHaveURL(new RegExp(`q=${t}`));
    await reviewer.getByRole("link", { name: new RegExp(projectTitle) }).click();
    await expect(reviewer.getByRole("heading", { level: 1, name: projectTitle })).toBeVisible();
    const scores = reviewer.getByLabel(/^Note sur \d+$/);
    await expect(scores).toHaveCount(2);
    await scores.nth(0).fill("4"); // of 5, weight 2
    await scores.nth(1).fill("7"); // of 10, weight 1
    await reviewer.getByLabel("Avis général").fill("Projet pertinent, partenariat solide.");
    await reviewer.getByLabel("Favorable", { exact: true }).check();
    // (4/5 × 2 + 7/10 × 1) / 3 = 76,7 %
    await expect(reviewer.getByTestId("live-weighted-score")).toHaveText("Note pondérée : 76,7 /100");
    await reviewer.getByRole("button", { name: "Soumettre l’évaluation" }).click();
    await expect(
      reviewer.getByText("Soumettre votre évaluation avec une note pondérée de 76,7 /100 ?"),
    ).toBeVisible();
    await expectNoAxeViolations(reviewer);
    await reviewer.getByRole("button", { name: "Confirmer la soumission" }).click();
    await expect(reviewer.getByText("Vous avez soumis votre évaluation")).toBeVisible();

    // 5. The admin closes the call: its closing time a minute ago, through the edit form.
    await admin.goto(`/admin/appels/${callId}/modifier`);
    await admin.getByLabel("Clôture", { exact: true }).fill(parisWallTime(new Date(Date.now() - 60_000)));
    await admin.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "L’appel a été enregistré." })).toBeVisible();
    // Closed with a submitted application: in review.
    await expect(admin.getByText("En cours d’instruction", { exact: true })).toBeVisible();

    // 6. The admin accepts the application with an amount, then publishes the results.
    await admin.goto(`/instruction/dossiers/${applicationId}`);
    await expect(admin.getByRole("heading", { level: 1, name: projectTitle })).toBeVisible();
    await admin.getByLabel("Montant accordé (en euros)").fill("8 000");
    await admin.getByRole("button", { name: "Enregistrer la décision" }).click();
    await expect(admin.getByTestId("decision-confirmation")).toContainText(
      "Vous allez accepter ce dossier pour 8 000 €.",
    );
    await admin.getByRole("button", { name: "Confirmer la décision" }).click();
    await expect(admin.getByTestId("decision")).toContainText("Accepté pour 8 000");

    await admin.goto(`/admin/appels/${callId}`);
    await admin.getByRole("link", { name: "Publier les résultats" }).click();
    await expect(admin.getByRole("heading", { level: 1, name: "Publication des résultats" })).toBeVisible();
    const summary = admin.getByRole("region", { name: "Récapitulatif" });
    await expect(summary.locator("dd").nth(0)).toHaveText("1");
    await expectNoAxeViolations(admin);
    await admin.getByRole("button", { name: "Confirmer la publication des résultats" }).click();
    await expect(
      admin.getByRole("status").filter({ hasText: /1 courriel de décision mis en file d’envoi/ }),
    ).toBeVisible();

    const [stored] = await withSql(
      (sql) => sql<{ status: string; receipt_number: string; granted: string; published: boolean }[]>`
        select a.status, a.receipt_number, d.granted_amount_cents::text as granted,
               c.results_published_at is not null as published
        from applications a join decisions d on d.application_id = a.id join calls c on c.id = a.call_id
        where a.id = ${applicationId}`,
    );
    expect(stored).toEqual({
      status: "accepted",
      receipt_number: receipt,
      granted: "800000",
      published: true,
    });

    // 7. A visitor finds the laureate; the applicant sees the decision.
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    pages.push(visitor);
    await visitor.goto(`/laureats?appel=${slug}`);
    await visitor.getByRole("link", { name: projectTitle }).click();
    await expect(visitor).toHaveURL(new RegExp(`/laureats/${applicationId}$`));
    await expect(visitor.getByRole("heading", { level: 1, name: projectTitle })).toBeVisible();
    const inBrief = visitor.getByRole("complementary", { name: "En bref" });
    await expect(inBrief).toContainText("Montant accordé");
    await expect(inBrief).toContainText("8\u202f000\u00a0€");
    await expect(visitor.getByRole("region", { name: "Collectivités françaises" })).toContainText("Thiers");
    await expect(visitor.getByRole("region", { name: "Partenaire étranger", exact: true })).toContainText(
      "Pristina",
    );
    await expectNoAxeViolations(visitor);

    await applicant.goto("/espace/dossiers");
    await expect(
      applicant.getByRole("row").filter({ hasText: projectTitle }).getByText("Retenu", { exact: true }),
    ).toBeVisible();
    await applicant.goto(`/espace/dossiers/${applicationId}`);
    const decision = applicant.getByRole("region", { name: "Décision" });
    await expect(decision).toContainText("Votre projet est retenu. Montant accordé :");
    await expect(decision).toContainText("8\u202f000\u00a0€");
    await expectNoAxeViolations(applicant);
  } finally {
    for (const page of pages) await page.context().close();
  }
});
