import type { APIRequestContext } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "../fixtures";
import { decide, publicationTrail, seedCallInReview, withSql } from "../support/calls-db";
import { waitForMessages } from "../support/mailbox";
import { signInAs } from "../support/personas";

/** Every public place a decision could leak through: pages, filtered lists, counts, exports, sitemap. */
function publicUrls(slug: string, t: string, acceptedId: string) {
  return [
    "/",
    "/appels",
    `/appels/${slug}`,
    "/laureats",
    `/laureats?q=${encodeURIComponent(t)}`,
    "/laureats?annee=2016",
    `/laureats?appel=${slug}`,
    `/laureats/${acceptedId}`,
    "/statistiques",
    "/carte",
    "/donnees",
    "/api/open-data/subventions.csv",
    "/api/open-data/subventions.json",
    "/sitemap.xml",
  ];
}

async function expectNothingRevealed(request: APIRequestContext, urls: string[], secrets: string[]) {
  for (const url of urls) {
    const response = await request.get(url);
    // A page may not exist yet (404); it must never fail, and never show a secret.
    expect(response.status(), url).toBeLessThan(500);
    const body = await response.text();
    // A page echoes its own URL (canonical link, router payload): only what the URL did not carry counts.
    for (const secret of secrets.filter((s) => !decodeURIComponent(url).includes(s))) {
      expect(body.includes(secret), `${url} reveals « ${secret} »`).toBe(false);
    }
  }
}

test.describe("publishing a call's results", () => {
  // Whole journeys, each with many pages checked by axe.
  test.describe.configure({ timeout: 120_000 });

  test("nothing is public before publication; publishing needs every decision, shows the laureates and e-mails each applicant once; unpublishing hides them again", async ({
    page,
    playwright,
  }, info) => {
    const call = await seedCallInReview(3, "pub");
    const [accepted, rejected, undecided] = call.applications;
    if (!accepted || !rejected || !undecided) throw new Error("applications not created");
    await decide(accepted.id, "accepted", 4_000_000);
    await decide(rejected.id, "rejected");

    const anonymous = await playwright.request.newContext({ baseURL: String(info.project.use.baseURL) });
    const urls = publicUrls(call.slug, call.token, accepted.id);
    // Titles and ids of the decided applications: none may appear anywhere public.
    const secrets = [accepted.title, rejected.title, accepted.id, rejected.id, `Projet témoin ${call.token}`];
    await expectNothingRevealed(anonymous, urls, secrets);
    expect((await anonymous.get(`/laureats/${accepted.id}`)).status()).toBe(404);

    // The confirmation page refuses while an application is undecided.
    await signInAs(page, "admin");
    await page.goto(`/admin/appels/${call.id}`);
    await page.getByRole("link", { name: "Publier les résultats" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Publication des résultats" })).toBeVisible();
    await expect(page).toHaveTitle(
      `${call.title} — Publication des résultats — Administration — Coopération décentralisée`,
    );
    await expect(page.getByText("1 dossier n’a pas encore de décision")).toBeVisible();
    await expect(page.getByRole("button", { name: "Confirmer la publication des résultats" })).toBeDisabled();
    await expectNoAxeViolations(page);

    await decide(undecided.id, "rejected");
    await page.reload();
    const summary = page.getByRole("region", { name: "Récapitulatif" });
    await expect(summary.getByText("Dossiers retenus")).toBeVisible();
    await expect(summary.locator("dd").nth(0)).toHaveText("1");
    await expect(summary.locator("dd").nth(1)).toContainText(
      "40\u202f000\u00a0€ sur une enveloppe de 500\u202f000\u00a0€",
    );
    await expect(summary.locator("dd").nth(2)).toHaveText("2");
    await expect(summary.locator("dd").nth(3)).toHaveText("0");
    // Still nothing public until the admin confirms.
    await expectNothingRevealed(anonymous, urls, secrets);

    await page.getByRole("button", { name: "Confirmer la publication des résultats" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "3 courriels de décision mis en file d’envoi" }),
    ).toBeVisible();

    // Public: the laureate appears, the rejected ones never do.
    const laureate = await anonymous.get(`/laureats/${accepted.id}`);
    expect(laureate.status()).toBe(200);
    expect(await laureate.text()).toContain(accepted.title);
    await page.goto(`/laureats?appel=${call.slug}`);
    await expect(page.getByRole("link", { name: accepted.title })).toBeVisible();
    await expect(page.getByText(rejected.title)).toHaveCount(0);
    await page.goto(`/laureats/${accepted.id}`);
    await expect(page.getByRole("heading", { level: 1, name: accepted.title })).toBeVisible();
    expect((await anonymous.get(`/laureats/${rejected.id}`)).status()).toBe(404);

    // One decision e-mail per application, through the outbox, delivered by SMTP.
    const trail = await publicationTrail(
      call.id,
      call.applications.map((a) => a.id),
    );
    expect(trail.emails).toHaveLength(3);
    expect(trail.emails.every((e) => e.to_address === call.submitter.email)).toBe(true);
    expect(trail.emails.filter((e) => e.subject.includes("est retenu"))).toHaveLength(1);
    expect(trail.audit.map((a) => a.action)).toContain("call.results_published");
    const delivered = await waitForMessages(call.submitter.email, 3);
    expect(delivered.map((m) => m.subject)).toContainEqual(expect.stringContaining(accepted.title));

    // Unpublish with a reason: audited, decisions hidden again.
    await page.goto(`/admin/appels/${call.id}/publication`);
    await expect(page.getByRole("heading", { name: "Résultats publiés" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Retirer la publication" }).click();
    await expect(page.getByText("Indiquez le motif du retrait (10 caractères au moins).")).toBeVisible();
    await expect(page.getByLabel("Motif du retrait")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Motif du retrait").fill("Erreur sur le montant accordé à un lauréat.");
    await page.getByRole("button", { name: "Retirer la publication" }).click();
    // The notice is rendered from the audit trail: it holds after a reload.
    const withdrawn = page.getByRole("status").filter({ hasText: "La publication a été retirée le" });
    await expect(withdrawn).toContainText("3 courriels de retrait mis en file d’envoi aux candidats");
    await page.reload();
    await expect(withdrawn).toContainText("motif\u00a0: Erreur sur le montant accordé à un lauréat.");
    expect((await anonymous.get(`/laureats/${accepted.id}`)).status()).toBe(404);
    await expectNothingRevealed(anonymous, urls, secrets);

    // Each applicant is told of the withdrawal, with the admin's reason.
    const withdrawals = await withSql(
      (sql) => sql<{ to_address: string; subject: string; text_body: string }[]>`
        select to_address, subject, text_body from email_outbox
        where template = 'decision-withdrawn' and subject like ${`%${call.token}%`}`,
    );
    expect(withdrawals).toHaveLength(3);
    expect(withdrawals.every((e) => e.to_address === call.submitter.email)).toBe(true);
    expect(
      withdrawals.every((e) => e.text_body.includes("Erreur sur le montant accordé à un lauréat.")),
    ).toBe(true);

    // Published again: every applicant is told again, the decision unchanged.
    await page.getByRole("button", { name: "Confirmer la publication des résultats" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "3 courriels de décision mis en file d’envoi" }),
    ).toBeVisible();
    const after = await publicationTrail(
      call.id,
      call.applications.map((a) => a.id),
    );
    expect(after.emails).toHaveLength(6);
    expect(after.emails.filter((e) => e.subject.includes("est retenu"))).toHaveLength(2);
    const actions = after.audit.map((a) => a.action);
    expect(actions.filter((a) => a === "call.results_published")).toHaveLength(2);
    const withdrawal = after.audit.find((a) => a.action === "call.results_unpublished");
    expect(withdrawal?.data.reason).toBe("Erreur sur le montant accordé à un lauréat.");
    await anonymous.dispose();
  });
});
