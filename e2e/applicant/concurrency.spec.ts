import { expect, expectNoAxeViolations, test } from "../fixtures";
import { signInAs } from "../support/personas";
import { e2eSql } from "./db";

import { newThiersDraft } from "./drafts";

test("two members edit different fields at once: both changes survive; a field both changed is theirs to choose", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const id = await newThiersDraft(`Dossier à deux mains ${Date.now()}`);
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signInAs(first, "applicant-thiers");
  await signInAs(second, "applicant-thiers");
  await first.goto(`/espace/dossiers/${id}`);
  await second.goto(`/espace/dossiers/${id}`);

  await first.getByLabel("Titre du projet").fill("Titre choisi par la première personne");
  await first.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(first.getByTestId("save-status")).toHaveText(/^Enregistré à/);

  // The second person read the page before that save, and changes another field.
  await second.getByLabel("Durée (en mois)").fill("18");
  await second.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(second.getByTestId("save-status")).toHaveText(/^Enregistré à/);
  await expect(second.getByTestId("save-notice")).toContainText(
    "a aussi modifié ce dossier : ses modifications ont été reprises (« Titre du projet »)",
  );
  // The colleague's title appears on screen, the duration typed stays.
  await expect(second.getByLabel("Titre du projet")).toHaveValue("Titre choisi par la première personne");
  await expect(second.getByLabel("Durée (en mois)")).toHaveValue("18");
  const [both] = await e2eSql()`select title, duration_months, version from applications where id = ${id}`;
  expect(both).toMatchObject({
    title: "Titre choisi par la première personne",
    duration_months: 18,
    version: 3,
  });

  // Now both change the duration: only that field is shown, side by side, for the first person to choose.
  await first.getByLabel("Durée (en mois)").fill("24");
  await first.getByRole("button", { name: "Enregistrer", exact: true }).click();
  const conflicts = first.getByTestId("conflicts");
  await expect(
    conflicts.getByRole("heading", { name: "Modification simultanée : un champ à choisir" }),
  ).toBeVisible();
  await expect(conflicts.getByRole("group", { name: "« Durée (en mois) » (étape Projet)" })).toBeVisible();
  await expect(conflicts.getByRole("group")).toHaveCount(1);
  await expect(conflicts.getByRole("listitem").filter({ hasText: /^24$/ })).toBeVisible();
  await expect(conflicts.getByRole("listitem").filter({ hasText: /^18$/ })).toBeVisible();
  await expectNoAxeViolations(first);
  // Nothing was overwritten while the choice is pending.
  const [pending] = await e2eSql()`select duration_months from applications where id = ${id}`;
  expect(pending?.duration_months).toBe(18);

  await conflicts.getByRole("button", { name: "Garder ma saisie pour « Durée (en mois) »" }).click();
  await expect(first.getByTestId("conflicts")).toHaveCount(0);
  await expect(first.getByTestId("save-status")).toHaveText(/^Enregistré à/);
  const [row] = await e2eSql()`select title, duration_months from applications where id = ${id}`;
  expect(row).toMatchObject({ title: "Titre choisi par la première personne", duration_months: 24 });
  await first.context().close();
  await second.context().close();
});

test("a submission after the closing time is refused by the server, even with the page loaded before", async ({
  page,
}) => {
  const sql = e2eSql();
  const code = `T${String(Date.now()).slice(-8)}`;
  const [call] = await sql`
    insert into calls (slug, code, year, title, opens_at, closes_at, max_grant_cents, max_share_percent, envelope_cents, themes, is_fictitious)
    values (${`test-cloture-${code.toLowerCase()}`}, ${code}, 2099, ${`Appel de test fictif ${code}`}, now() - interval '1 day', now() + interval '1 hour', 10000000, 50, 100000000, ${["Eau"]}, true)
    returning id`;
  const [thiers] = await sql`select id from organisations where kind = 'commune' and insee_code = '63430'`;
  const [app] = await sql`
    insert into applications (call_id, lead_organisation_id, title, summary, objectives, expected_results, beneficiaries, themes, sdgs, start_date, duration_months, requested_amount_cents, is_fictitious)
    values (${call?.id}, ${thiers?.id}, 'Dossier complet, déposé trop tard', 'Résumé', 'Objectifs', 'Résultats', 'Habitants', ${["Eau"]}, ${[6]}, '2027-01-01', 12, 500000, true)
    returning id`;
  const [partner] = await sql`
    insert into foreign_partners (name, kind, country_code, is_fictitious) values ('Prizren', 'municipality', 'XK', true)
    on conflict (name, country_code) do update set name = excluded.name returning id`;
  await sql`insert into participants (application_id, role, foreign_partner_id) values (${app?.id}, 'foreign_partner', ${partner?.id})`;
  await sql`insert into pairings (application_id, organisation_id, foreign_partner_id) values (${app?.id}, ${thiers?.id}, ${partner?.id})`;
  await sql`insert into budget_lines (application_id, kind, category, label, amount_cents) values
    (${app?.id}, 'expense', 'travel', 'Missions', 1000000),
    (${app?.id}, 'own_contribution', null, 'Apport propre', 500000)`;

  await signInAs(page, "applicant-thiers");
  await page.goto(`/espace/dossiers/${app?.id}/verification`);
  await expect(page.getByText("Le dossier est complet\u00a0: vous pouvez le déposer.")).toBeVisible();

  // The call closes while the page is open.
  await sql`update calls set closes_at = now() - interval '1 second' where id = ${call?.id}`;
  await page.getByRole("button", { name: "Déposer le dossier" }).click();
  await expect(
    page.getByRole("alert").filter({
      hasText: "L’appel à projets est clos\u00a0: la date et l’heure limites de dépôt sont dépassées",
    }),
  ).toBeVisible();
  const [row] = await sql`select status, receipt_number from applications where id = ${app?.id}`;
  expect(row).toMatchObject({ status: "draft", receipt_number: null });
});
