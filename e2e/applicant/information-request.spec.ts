import { expect, expectNoAxeViolations, test } from "../fixtures";
import { closeDatabase, createApplication } from "../reviewer/data";
import { signInAs } from "../support/personas";

test.afterAll(closeDatabase);

const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF\n`, "latin1");

/**
 * The signed letter a reviewer asked for could not be sent: an answer was one
 * text box, once, with no file. Now a thread: asked, answered with a PDF,
 * asked again, answered again with another PDF; the reviewer sees both
 * documents in the thread and with the application's documents, then closes it.
 */
test("an information request answered twice with a PDF, seen by the reviewer", async ({ browser }) => {
  // Two browsers, two answers with uploads and four reloads: longer than the default 30 s on a shared machine.
  test.setTimeout(180_000);
  const app = await createApplication({ reviewers: ["reviewer"], label: "echange" });
  const reviewer = await (await browser.newContext()).newPage();
  const applicant = await (await browser.newContext()).newPage();
  await signInAs(reviewer, "reviewer");
  await signInAs(applicant, "applicant-other");

  await reviewer.goto(`/instruction/dossiers/${app.id}`);
  await reviewer
    .getByLabel("Votre demande au porteur")
    .fill("Joignez la lettre d’engagement signée du maire.");
  await reviewer.getByRole("button", { name: "Demander des compléments" }).click();
  // The request opens a thread that waits for the applicant (the form goes: one request at a time).
  await expect(
    reviewer.getByRole("heading", { level: 3, name: /en attente de la réponse du porteur/ }),
  ).toBeVisible();

  // « À faire » first in the applicant's space leads to the request.
  await applicant.goto("/espace");
  const todo = applicant.getByTestId("todo-list");
  await todo.getByRole("link", { name: `Répondre à la demande de compléments sur « ${app.title} »` }).click();
  await expect(applicant).toHaveURL(new RegExp(`/espace/dossiers/${app.id}#echanges$`));
  await expect(applicant.getByText("Joignez la lettre d’engagement signée du maire.")).toBeVisible();
  await expectNoAxeViolations(applicant);

  // A file that is not a PDF is refused at the field, the text typed stays.
  const answer = applicant.getByRole("textbox", { name: "Votre réponse" });
  const files = applicant.getByLabel("Documents joints (facultatif)");
  await answer.fill("Voici la lettre signée.");
  await files.setInputFiles({
    name: "lettre.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("MZ fake"),
  });
  await applicant.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(
    applicant.getByText(
      /«\u00a0lettre\.pdf\u00a0»\u00a0: Le contenu de ce fichier n’est pas au format attendu/,
    ),
  ).toBeVisible();
  await expect(answer).toHaveValue("Voici la lettre signée.");
  await expect(files).toHaveAttribute("aria-invalid", "true");

  await files.setInputFiles({ name: "lettre-signee.pdf", mimeType: "application/pdf", buffer: pdf("v1") });
  await applicant.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(applicant.getByText("Votre réponse a été transmise avec 1 document.")).toBeVisible();
  await expect(applicant.getByRole("link", { name: /lettre-signee\.pdf/ })).toBeVisible();

  // The reviewer sees the answer and its document, and asks again in the same thread.
  await reviewer.reload();
  const thread = reviewer.getByTestId("information-thread");
  await expect(thread.getByText("Voici la lettre signée.")).toBeVisible();
  await expect(thread.getByRole("link", { name: /lettre-signee\.pdf/ })).toBeVisible();
  await thread
    .getByLabel("Nouvelle demande dans cet échange")
    .fill("La signature manque en page 2 : renvoyez-la.");
  await thread.getByRole("button", { name: "Demander de nouveau" }).click();
  await expect(
    thread.getByRole("listitem").getByText("La signature manque en page 2 : renvoyez-la."),
  ).toBeVisible();

  await applicant.reload();
  await expect(applicant.getByText("La signature manque en page 2 : renvoyez-la.")).toBeVisible();
  await applicant.getByRole("textbox", { name: "Votre réponse" }).fill("Lettre signée sur toutes les pages.");
  await applicant
    .getByLabel("Documents joints (facultatif)")
    .setInputFiles({ name: "lettre-signee-v2.pdf", mimeType: "application/pdf", buffer: pdf("v2") });
  await applicant.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(applicant.getByText("Votre réponse a été transmise avec 1 document.")).toBeVisible();

  await reviewer.reload();
  await expect(reviewer.getByTestId("information-thread")).toHaveCount(1);
  const documents = reviewer.getByRole("region", { name: "Pièces jointes" });
  await expect(documents.getByRole("link", { name: /lettre-signee\.pdf/ })).toBeVisible();
  await expect(documents.getByRole("link", { name: /lettre-signee-v2\.pdf/ })).toBeVisible();
  await expect(documents.getByText(/réponse à la demande de compléments n°\u00a01/).first()).toBeVisible();
  const download = reviewer.waitForEvent("download");
  await documents.getByRole("link", { name: /lettre-signee-v2\.pdf/ }).click();
  expect((await download).suggestedFilename()).toBe("lettre-signee-v2.pdf");
  await expectNoAxeViolations(reviewer);

  await reviewer.getByRole("button", { name: "Clore cette demande" }).click();
  await expect(reviewer.getByRole("heading", { level: 3, name: /close le/ })).toBeVisible();
  await applicant.reload();
  await expect(applicant.getByRole("button", { name: "Envoyer la réponse" })).toHaveCount(0);
  await expect(applicant.getByRole("heading", { level: 3, name: /close le/ })).toBeVisible();
});
