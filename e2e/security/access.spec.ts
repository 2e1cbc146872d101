import { expect, expectNoAxeViolations, test } from "../fixtures";
import { signInAs } from "../support/personas";
import { conflictedReviewFixture, unassignedReviewFixture } from "./idor-data";

/**
 * Reviewers and an application's documents: the assigned
 * reviewer downloads them from the review page; the conflicted one sees the
 * page without scores nor documents, and the file route refuses him; an
 * unassigned reviewer does not even learn that the application exists.
 * The server actions' side (scores, conflict, information request) is in
 * lib/security/idor.int.test.ts, with a database check after each attempt.
 */

// The review page is long: axe needs more than the default 30 s on a loaded machine.
test.describe.configure({ timeout: 90_000 });

test("the assigned reviewer downloads the application's documents from the review page", async ({ page }) => {
  const { applicationId } = await conflictedReviewFixture();
  await signInAs(page, "reviewer");
  await page.goto(`/instruction/dossiers/${applicationId}`);
  const link = page.getByRole("link", { name: /deliberation\.pdf/ });
  await expect(link).toBeVisible();
  const href = String(await link.getAttribute("href"));
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await expectNoAxeViolations(page);
});

test("a conflicted reviewer sees neither the scores nor the documents, and the file route answers 403", async ({
  page,
}) => {
  const { applicationId, attachmentId } = await conflictedReviewFixture();
  await signInAs(page, "reviewer-2");
  await page.goto(`/instruction/dossiers/${applicationId}`);
  await expect(page.getByTestId("conflict-declared")).toBeVisible();
  await expect(page.getByTestId("documents-withheld")).toBeVisible();
  await expect(page.getByText("deliberation.pdf")).toBeVisible();
  await expect(page.getByRole("link", { name: /deliberation\.pdf/ })).toHaveCount(0);
  await expect(page.getByTestId("aggregate")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Évaluations soumises" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  const response = await page.request.get(`/api/files/${attachmentId}`);
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("conflit d’intérêts");
});

test("an unassigned reviewer gets 404 on the application and on its file", async ({ page }) => {
  const { applicationId, attachmentId } = await unassignedReviewFixture();
  await signInAs(page, "reviewer-2");
  const pageResponse = await page.goto(`/instruction/dossiers/${applicationId}`);
  expect(pageResponse?.status()).toBe(404);
  expect((await page.request.get(`/api/files/${attachmentId}`)).status()).toBe(404);
});
