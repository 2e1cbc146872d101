import { expect, expectNoAxeViolations, test } from "../fixtures";
import {
  assignmentsOf,
  callWithSubmittedReview,
  createReviewer,
  declareConflict,
  seedCallInReview,
  token,
  userIdOfPersona,
  withSql,
} from "../support/calls-db";
import { signInAs } from "../support/personas";

const nextYear = new Date().getFullYear() + 1;

test.describe("calls for projects (admin)", () => {
  // Whole journeys, each with many pages checked by axe.
  test.describe.configure({ timeout: 120_000 });

  test("creates a call with a 3-criterion grid, with French messages at the fields, opens it and sees it public", async ({
    page,
  }) => {
    const t = token();
    const title = `Jeunesse et citoyenneté ${nextYear} ${t}`;
    const slug = `jeunesse-${nextYear}-${t.toLowerCase()}`;
    await signInAs(page, "admin");
    await page.goto("/admin");
    await page.locator("#contenu").getByRole("link", { name: "Appels à projets" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Appels à projets" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Créer un appel" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Nouvel appel à projets" })).toBeVisible();

    await page.getByLabel("Titre de l’appel").fill(title);
    await page.getByLabel("Année").fill(String(nextYear));
    await page.getByLabel("Code court").fill(`J${t}`);
    await page.getByLabel("Adresse de la page").fill(slug);
    await page.getByLabel("Description").fill("Soutenir les **échanges de jeunes** entre collectivités.");
    await page.getByLabel("Thématiques").fill("Jeunesse\nCitoyenneté");
    // Wrong on purpose: closing before opening, a weight of 0, a negative envelope.
    await page.getByLabel("Ouverture", { exact: true }).fill(`${nextYear}-03-01T09:00`);
    await page.getByLabel("Clôture", { exact: true }).fill(`${nextYear}-02-01T12:00`);
    await page.getByLabel("Enveloppe budgétaire (€)").fill("-5");
    await page.getByLabel("Subvention maximale par dossier (€)").fill("60 000");
    const first = page.getByRole("group", { name: "Critère 1" });
    await first.getByLabel("Intitulé").fill("Pertinence du projet");
    await first.getByLabel("Poids").fill("0");
    await page.getByRole("group", { name: "Document 1" }).getByLabel("Nom du document").fill("Délibération");
    await page.getByRole("button", { name: "Créer l’appel" }).click();

    await expect(page.getByText("La clôture doit être postérieure à l’ouverture.")).toBeVisible();
    await expect(first.getByText("Le poids doit être supérieur à 0 (entre 1 et 100).")).toBeVisible();
    await expect(page.getByText("Le montant doit être positif ou nul.")).toBeVisible();
    await expect(page.getByLabel("Clôture", { exact: true })).toHaveAttribute("aria-invalid", "true");
    // Nothing typed is lost.
    await expect(page.getByLabel("Titre de l’appel")).toHaveValue(title);
    await expectNoAxeViolations(page);

    await page.getByLabel("Clôture", { exact: true }).fill(`${nextYear}-03-31T12:00`);
    await page.getByLabel("Enveloppe budgétaire (€)").fill("1 500 000");
    await first.getByLabel("Poids").fill("3");
    await page.getByRole("button", { name: "Ajouter un critère" }).click();
    const second = page.getByRole("group", { name: "Critère 2" });
    await second.getByLabel("Intitulé").fill("Qualité du partenariat");
    await second.getByLabel("Poids").fill("2");
    await page.getByRole("button", { name: "Ajouter un critère" }).click();
    const third = page.getByRole("group", { name: "Critère 3" });
    await third.getByLabel("Intitulé").fill("Budget réaliste");
    await third.getByLabel("Poids").fill("1");
    await third.getByLabel("Note maximale").fill("10");
    await page.getByRole("button", { name: "Créer l’appel" }).click();

    await expect(page.getByRole("status").filter({ hasText: "L’appel a été enregistré." })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("À venir", { exact: true })).toBeVisible();
    // Typed in Paris time, shown in Paris time.
    await expect(page.getByText(`clôture le 31 mars ${nextYear} à 12\u00a0h\u00a000`)).toBeVisible();
    await expect(page.getByText("Budget réaliste — poids 1, noté sur 10")).toBeVisible();
    await expectNoAxeViolations(page);

    const callId = page.url().match(/\/admin\/appels\/([0-9a-f-]{36})/)?.[1];
    expect(callId).toBeTruthy();
    const [stored] = await withSql(
      (sql) => sql<{ closes_at: Date; envelope_cents: string; max_grant_cents: string }[]>`
        select closes_at, envelope_cents, max_grant_cents from calls where id = ${callId as string}`,
    );
    // 31 March is summer time in Paris: 12:00 there is 10:00 UTC.
    expect(stored?.closes_at.toISOString()).toBe(`${nextYear}-03-31T10:00:00.000Z`);
    expect(Number(stored?.envelope_cents)).toBe(150_000_000);
    expect(Number(stored?.max_grant_cents)).toBe(6_000_000);

    await page.getByRole("button", { name: "Ouvrir l’appel maintenant" }).click();
    await expect(page.getByText("Ouvert", { exact: true })).toBeVisible();

    await page.goto(`/appels/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("Ouvert", { exact: true }).first()).toBeVisible();
    for (const criterion of ["Pertinence du projet", "Qualité du partenariat", "Budget réaliste"]) {
      await expect(page.getByText(criterion).first()).toBeVisible();
    }

    // Edit: the form comes back with Paris times, a change is saved.
    await page.goto(`/admin/appels/${callId}/modifier`);
    await expect(page.getByLabel("Clôture", { exact: true })).toHaveValue(`${nextYear}-03-31T12:00`);
    await expect(
      page.getByText("La grille pourra être modifiée tant qu’aucune évaluation n’aura été soumise."),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Enveloppe budgétaire (€)").fill("1 750 000,50");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(page.getByRole("status").filter({ hasText: "L’appel a été enregistré." })).toBeVisible();
    await expect(page.getByText("/ 1\u202f750\u202f000,50\u00a0€")).toBeVisible();

    // Duplicate for the following year: same grid, dates and year moved on.
    await page.getByRole("link", { name: "Dupliquer pour l’année suivante" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Dupliquer « ${title} »` })).toBeVisible();
    await expect(page.getByLabel("Titre de l’appel")).toHaveValue(
      `Jeunesse et citoyenneté ${nextYear + 1} ${t}`,
    );
    await expect(page.getByLabel("Clôture", { exact: true })).toHaveValue(`${nextYear + 1}-03-31T12:00`);
    await expect(page.getByRole("group", { name: "Critère 3" }).getByLabel("Intitulé")).toHaveValue(
      "Budget réaliste",
    );
    await page.getByRole("button", { name: "Créer l’appel" }).click();
    await expect(page.getByRole("status").filter({ hasText: "L’appel a été enregistré." })).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 1, name: `Jeunesse et citoyenneté ${nextYear + 1} ${t}` }),
    ).toBeVisible();
  });

  test("a duplicate slug is refused at its field by the server", async ({ page }) => {
    const t = token();
    await signInAs(page, "admin");
    const [taken] = await withSql(
      (sql) => sql<{ slug: string }[]>`select slug from calls order by slug limit 1`,
    );
    await page.goto("/admin/appels/nouveau");
    await page.getByLabel("Titre de l’appel").fill(`Appel doublon ${t}`);
    await page.getByLabel("Code court").fill(`D${t}`);
    await page.getByLabel("Adresse de la page").fill(taken?.slug ?? "");
    await page.getByLabel("Enveloppe budgétaire (€)").fill("100 000");
    await page.getByLabel("Subvention maximale par dossier (€)").fill("10 000");
    await page.getByRole("group", { name: "Critère 1" }).getByLabel("Intitulé").fill("Pertinence");
    await page.getByRole("group", { name: "Document 1" }).getByLabel("Nom du document").fill("Budget");
    await page.getByRole("button", { name: "Créer l’appel" }).click();
    await expect(page.getByText("Cette adresse est déjà prise par un autre appel.")).toBeVisible();
    await expect(page.getByLabel("Titre de l’appel")).toHaveValue(`Appel doublon ${t}`);
  });

  test("the edit form's first paint shows the saved call: its values are in the server's HTML", async ({
    page,
  }) => {
    const call = await seedCallInReview(1, "ssr");
    await signInAs(page, "admin");
    // The HTML as the server sends it, before any script runs (the page request carries the session).
    const response = await page.request.get(`/admin/appels/${call.id}/modifier`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    const input = (id: string) => new RegExp(`<(?:input|textarea)[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
    expect(input("call-title")).toContain(`value="${call.title}"`);
    expect(input("call-envelope")).toContain('value="500000"');
    expect(input("call-max-grant")).toContain('value="60000"');
    expect(input("call-closes")).toContain('value="2016-03-31T12:00"');
    expect(input("criterion-0-label")).toContain('value="Pertinence"');
    // Then, once hydrated, the form holds the same values.
    await page.goto(`/admin/appels/${call.id}/modifier`);
    await expect(page.getByLabel("Titre de l’appel")).toHaveValue(call.title);
    await expect(page.getByLabel("Enveloppe budgétaire (€)")).toHaveValue("500000");
  });

  test("the grid is locked once a review has been submitted, and the form says so", async ({ page }) => {
    const call = await callWithSubmittedReview();
    await signInAs(page, "admin");
    await page.goto(`/admin/appels/${call.id}/modifier`);
    await expect(
      page.getByText(/La grille est verrouillée\u00a0: au moins une évaluation a déjà été soumise/),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Ajouter un critère" })).toHaveCount(0);
    await expect(page.getByRole("group", { name: "Critère 1" }).getByLabel("Intitulé")).toHaveAttribute(
      "readonly",
      "",
    );
    await expectNoAxeViolations(page);
  });

  test("bulk assignment: preview, apply, N reviewers each, no conflict, no same département, balanced, re-run fills gaps only", async ({
    page,
  }) => {
    const call = await seedCallInReview(5, "aff");
    const [a0, a1, a2] = call.applications;
    if (!a0 || !a1 || !a2) throw new Error("applications not created");
    const conflicted = await userIdOfPersona("reviewer");
    await declareConflict(a0.id, conflicted);
    const local = await createReviewer(a1.leadDepartementCode);

    await signInAs(page, "admin");
    await page.goto(`/admin/appels/${call.id}`);
    await page.getByRole("link", { name: "Affecter les instructeurs" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Affectation des instructeurs" })).toBeVisible();
    await expect(page.getByText(/conflit d’intérêts déclaré/)).toBeVisible();
    await expect(
      page.getByLabel("Écarter les instructeurs rattachés au département du porteur"),
    ).toBeChecked();
    await page.getByRole("button", { name: "Prévisualiser l’affectation" }).click();
    await expect(page.getByRole("heading", { name: "Aperçu" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Affectations proposées" })).toBeVisible();
    await expectNoAxeViolations(page);
    // Nothing is written by the preview.
    expect((await assignmentsOf(call.id)).filter((a) => !a.conflict)).toHaveLength(0);

    const reviewers = await withSql(
      (sql) => sql<{ user_id: string }[]>`select distinct user_id from user_roles where role = 'reviewer'`,
    );
    await page.getByRole("button", { name: /^Appliquer les 10 affectations proposées$/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "10 affectations créées." })).toBeVisible();

    const rows = await assignmentsOf(call.id);
    const active = rows.filter((r) => !r.conflict);
    for (const application of call.applications) {
      const mine = active.filter((r) => r.application_id === application.id);
      expect(mine, application.title).toHaveLength(2);
    }
    expect(active.some((r) => r.application_id === a0.id && r.reviewer_id === conflicted)).toBe(false);
    expect(active.some((r) => r.application_id === a1.id && r.reviewer_id === local.id)).toBe(false);
    const loads = reviewers.map((r) => active.filter((a) => a.reviewer_id === r.user_id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    // Run again: nothing to add.
    await page.getByRole("button", { name: "Prévisualiser l’affectation" }).click();
    await expect(page.getByText("Aucune affectation à ajouter")).toBeVisible();

    // By hand: one more reviewer on one application, then removed.
    const row = page.getByRole("row").filter({ hasText: a2.title });
    const select = row.getByRole("combobox");
    const chosen =
      (await select.locator("option").first().textContent())?.replace(/ \(même département.*$/, "") ?? "";
    await row.getByRole("button", { name: /^Affecter au dossier/ }).click();
    const assigned = row.getByRole("listitem").filter({ hasText: chosen });
    await expect(assigned).toHaveCount(1);
    expect((await assignmentsOf(call.id)).filter((r) => r.application_id === a2.id)).toHaveLength(3);
    await assigned.getByRole("button", { name: new RegExp(`^Retirer ${chosen}`) }).click();
    await expect(assigned).toHaveCount(0);
  });
});
