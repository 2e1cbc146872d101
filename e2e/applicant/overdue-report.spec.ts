import { expect, expectNoAxeViolations, test } from "../fixtures";
import { withSql } from "../support/calls-db";
import { signInAs } from "../support/personas";
import { thiersApplicationId } from "./db";

/**
 * A laureate with a report overdue from an earlier grant may not be funded
 * again: Thiers's 2022 grant is put back, for this test, to a final report
 * sent back and never sent again. Thiers then sees it on its dossiers and on
 * its draft's check page, whose « Déposer » stays disabled. After the other
 * tests (playwright.config.ts): none submits for Thiers meanwhile. Restored at the end.
 */
test("an overdue report is shown before a new submission, and blocks it", { tag: "@after" }, async ({
  page,
}) => {
  const grant = await withSql(async (sql) => {
    const [row] = await sql<{ applicationId: string; status: string; reportStatus: string }[]>`
      select g.application_id as "applicationId", g.status, r.status as "reportStatus"
      from grants g join applications a on a.id = g.application_id join calls c on c.id = a.call_id
      join organisations o on o.id = a.lead_organisation_id
      join progress_reports r on r.application_id = g.application_id and r.position = g.years
      where o.insee_code = '63430' and c.year = 2022`;
    if (!row) throw new Error("the 2022 Thiers – Tandil grant is not in the seed");
    await sql`update grants set status = 'agreement_signed' where application_id = ${row.applicationId}`;
    await sql`update progress_reports set status = 'changes_requested'
              where application_id = ${row.applicationId} and status = 'accepted'`;
    return row;
  });
  try {
    await signInAs(page, "applicant-thiers");
    await page.goto("/espace/dossiers");
    const alert = page.getByTestId("overdue-report");
    await expect(alert).toContainText(
      /Le rapport final du projet «\s.+\s» était attendu le \d{2}\/\d{2}\/\d{4}/,
    );
    await expect(alert).toContainText("votre collectivité ne peut pas déposer de nouveau dossier");
    await expectNoAxeViolations(page);
    await alert.getByRole("link", { name: "Rédiger le rapport" }).click();
    await expect(page).toHaveURL(new RegExp(`/espace/dossiers/${grant.applicationId}/convention$`));
    await expect(page.getByTestId("report-1")).toContainText("En retard");

    await page.goto(`/espace/dossiers/${await thiersApplicationId("draft")}/verification`);
    await expect(page.getByTestId("overdue-report")).toBeVisible();
    await expect(page.getByRole("button", { name: "Déposer le dossier" })).toBeDisabled();
  } finally {
    await withSql(async (sql) => {
      await sql`update grants set status = ${grant.status}::grant_status where application_id = ${grant.applicationId}`;
      await sql`update progress_reports set status = ${grant.reportStatus}::report_status
                where application_id = ${grant.applicationId} and position = (select years from grants where application_id = ${grant.applicationId})`;
    });
  }
});
