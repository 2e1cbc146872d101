import { randomBytes } from "node:crypto";
import { type Page, request as playwrightRequest, type Request } from "@playwright/test";
import sharp from "sharp";
import { expect, expectNoAxeViolations, test } from "../fixtures";
import { withSql } from "../support/calls-db";
import { signInAs } from "../support/personas";
import { issueAuditTrail, THIERS_TANDIL_TITLE, thiersTandilId } from "./db";

/** A word no other test writes, so parallel tests on the shared Thiers – Tandil project never collide. */
const token = () => randomBytes(4).toString("hex");

async function createProjectPost(page: Page, projectId: string, title: string) {
  await page.goto(`/reseau/projets/${projectId}`);
  await page.getByLabel("Titre de la nouvelle page").fill(title);
  await page.getByRole("button", { name: "Créer la page" }).click();
  await expect(page).toHaveURL(/\/reseau\/pages\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Rédiger une page de suivi" })).toBeVisible();
  // The tab names the page being written, not only the kind of page.
  await expect(page).toHaveTitle(`${title} — Page de suivi — Coopération décentralisée`);
}

async function writeAndSave(page: Page, body: string) {
  await page.getByLabel("Texte (Markdown)").fill(body);
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Page enregistrée." })).toBeVisible();
}

test.describe("network follow-up", () => {
  test("the RESACOOP editor sees the région's laureates: 9 projects and 14 local authorities in 2025", async ({
    page,
  }) => {
    await signInAs(page, "editor-resacoop");
    await page.goto("/reseau");
    const table = page.getByRole("table", { name: "Lauréats de la région par année" });
    const row2025 = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "2025" }) });
    await expect(row2025.getByRole("cell")).toHaveText(["9", "14"]);
    await expect(
      page.getByRole("heading", { level: 3, name: "2025 · 9 projets, 14 collectivités" }),
    ).toBeVisible();
    const projects2025 = page
      .getByRole("region", { name: "2025 · 9 projets, 14 collectivités" })
      .getByRole("listitem");
    await expect(projects2025).toHaveCount(9);
    // RESACOOP-led projects are included.
    await expect(projects2025.filter({ hasText: /^.*RESACOOP/ })).toHaveCount(2);
    await expectNoAxeViolations(page);
  });

  test("writes and publishes a follow-up page with an image about Thiers – Tandil, shown on the project page", async ({
    page,
  }) => {
    test.slow();
    const projectId = await thiersTandilId();
    const title = `Atelier de coutellerie ${token()}`;
    await signInAs(page, "editor-resacoop");
    await page.goto("/reseau");
    await page.getByRole("link", { name: THIERS_TANDIL_TITLE }).click();
    await expect(page.getByRole("heading", { level: 1, name: THIERS_TANDIL_TITLE })).toBeVisible();
    await expectNoAxeViolations(page);
    await createProjectPost(page, projectId, title);
    const editorUrl = page.url();

    // Live preview, rendered by the server.
    await page.getByLabel("Texte (Markdown)").fill("Les **apprentis** de Thiers sont arrivés à Tandil.");
    const preview = page.getByTestId("markdown-preview");
    await expect(preview.locator("strong")).toHaveText("apprentis");

    // An image: alternative text required, then inserted in the text.
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: "#000091" } })
      .png()
      .toBuffer();
    await page
      .getByLabel("Image", { exact: true })
      .setInputFiles({ name: "forge.png", mimeType: "image/png", buffer: png });
    await page.getByRole("button", { name: "Envoyer et insérer l’image" }).click();
    await expect(page.getByText(/Décrivez l’image/).first()).toBeVisible();
    await page.getByLabel("Texte alternatif").fill("Une forge de coutelier à Tandil");
    await page.getByRole("button", { name: "Envoyer et insérer l’image" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Image ajoutée au texte" })).toBeVisible();
    const image = preview.getByRole("img", { name: "Une forge de coutelier à Tandil" });
    await expect(image).toBeVisible();
    // Resized on upload: 2 400 px wide becomes 1 600.
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Page enregistrée." })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Publier", exact: true }).click();
    await expect(page.getByText("Publiée", { exact: true })).toBeVisible();

    await page.goto(`/laureats/${projectId}`);
    const followup = page.getByRole("region", { name: "Suivi du projet" });
    const article = followup.getByRole("article", { name: title });
    await expect(article).toContainText("Les apprentis de Thiers sont arrivés à Tandil.");
    await expect(article.getByRole("img", { name: "Une forge de coutelier à Tandil" })).toBeVisible();
    await expectNoAxeViolations(page);

    // The network's public page shows it in its follow-up timeline.
    await page.goto("/reseaux/resacoop");
    await expect(
      page.getByRole("region", { name: "Le suivi des projets" }).getByRole("article", { name: title }),
    ).toBeVisible();
    await expect(
      page.getByRole("heading", { level: 3, name: /^2025 · 9 projets, 14 collectivités territoriales$/ }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    // Unpublished: gone from the public page.
    await page.goto(editorUrl);
    await page.getByRole("button", { name: "Dépublier" }).click();
    await expect(page.getByText("Dépubliée", { exact: true })).toBeVisible();
    await page.goto(`/laureats/${projectId}`);
    await expect(page.getByRole("article", { name: title })).toHaveCount(0);
  });

  test("adds two milestones; the project page shows them with the overall progress as a number", async ({
    page,
  }) => {
    const projectId = await thiersTandilId();
    const first = `Mission d’apprentis ${token()}`;
    const second = `Salon commun ${token()}`;
    await signInAs(page, "editor-resacoop");
    await page.goto(`/reseau/projets/${projectId}`);
    const form = page.getByRole("form", { name: "Nouvelle étape" });
    await form.getByLabel("Intitulé de l’étape").fill(first);
    await form.getByLabel("Date prévue").fill("2026-04-15");
    await form.getByLabel("État").selectOption({ label: "Réalisée" });
    await form.getByRole("button", { name: "Ajouter l’étape" }).click();
    await expect(page.getByRole("region", { name: "Étapes" }).getByText(first)).toBeVisible();
    await form.getByLabel("Intitulé de l’étape").fill(second);
    await form.getByLabel("État").selectOption({ label: "En cours" });
    await form.getByLabel("Avancement (%)").fill("40");
    await form.getByRole("button", { name: "Ajouter l’étape" }).click();
    await expect(page.getByRole("region", { name: "Étapes" }).getByText(second)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(`/laureats/${projectId}`);
    const steps = page.getByRole("region", { name: "Étapes" });
    await expect(steps.getByRole("listitem").filter({ hasText: first })).toContainText("Réalisée");
    await expect(steps.getByRole("listitem").filter({ hasText: first })).toContainText("100 %");
    await expect(steps.getByRole("listitem").filter({ hasText: second })).toContainText("En cours");
    await expect(steps.getByRole("listitem").filter({ hasText: second })).toContainText("40 %");
    const bar = steps.getByRole("progressbar", { name: "Avancement global du projet" });
    await expect(bar).toBeVisible();
    // The number is written next to the bar, not left to the colour.
    const value = await bar.getAttribute("value");
    await expect(steps.getByText(`${value} %`, { exact: true }).first()).toBeVisible();
  });

  test("publishes a news issue with two posts; the archive and the Atom feed show it", async ({ page }) => {
    test.slow();
    const issueTitle = `Résa Clic printemps ${token()}`;
    const projectPost = `Nouvelles de Tandil ${token()}`;
    const generalPost = `Agenda du réseau ${token()}`;
    await signInAs(page, "editor-resacoop");
    await page.goto("/reseau/actualites");
    await expectNoAxeViolations(page);
    await page.getByLabel("Titre du numéro").fill(issueTitle);
    await page.getByLabel("Date du numéro").fill("2026-03-12");
    await page.getByRole("button", { name: "Créer le numéro" }).click();
    await expect(page).toHaveURL(/\/reseau\/actualites\/[0-9a-f-]{36}$/);
    const issueUrl = page.url();

    await page.getByLabel("Titre de la nouvelle page").fill(projectPost);
    await page
      .getByLabel("Projet concerné (facultatif)")
      .selectOption({ label: `2025 — ${THIERS_TANDIL_TITLE}` });
    await page.getByRole("button", { name: "Créer la page" }).click();
    await expect(page).toHaveURL(/\/reseau\/pages\//);
    await writeAndSave(page, "Les couteliers de Tandil préparent leur venue à Thiers.");

    await page.goto(issueUrl);
    await page.getByLabel("Titre de la nouvelle page").fill(generalPost);
    await page.getByRole("button", { name: "Créer la page" }).click();
    await expect(page).toHaveURL(/\/reseau\/pages\//);
    await writeAndSave(page, "Rencontre régionale des collectivités le 3 avril à Lyon.");

    await page.goto(issueUrl);
    await expect(page.getByRole("region", { name: "Articles du numéro" }).getByRole("listitem")).toHaveCount(
      2,
    );
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Publier le numéro" }).click();
    await expect(page.getByRole("button", { name: "Dépublier le numéro" })).toBeVisible();
    // Audited: one event for the issue naming its two pages, one per page.
    const trail = await issueAuditTrail(issueUrl.split("/").pop() as string);
    const published = trail.filter((e) => e.action.endsWith(".published"));
    expect(published.map((e) => e.action).sort()).toEqual([
      "followup_post.published",
      "followup_post.published",
      "news_issue.published",
    ]);
    expect(published.find((e) => e.action === "news_issue.published")?.data.posts).toHaveLength(2);

    await page.goto("/reseaux/resacoop/actualites");
    await page.getByRole("link", { name: new RegExp(issueTitle) }).click();
    await expect(page.getByRole("heading", { level: 1, name: issueTitle })).toBeVisible();
    await expect(page.getByRole("article", { name: projectPost })).toContainText("Tandil");
    await expect(page.getByRole("article", { name: generalPost })).toContainText("Lyon");
    await expectNoAxeViolations(page);

    const feed = await page.request.get("/reseaux/resacoop/flux.xml");
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    const xml = await feed.text();
    expect(xml).toContain(issueTitle);
    expect(xml).toContain(projectPost);
    expect(xml).toContain(generalPost);
  });

  test("an XSS payload in Markdown is rendered inert in the preview and on the public page", async ({
    page,
  }) => {
    const projectId = await thiersTandilId();
    const title = `Page piégée ${token()}`;
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await signInAs(page, "editor-resacoop");
    await createProjectPost(page, projectId, title);
    const payload = [
      "Texte sûr.",
      "<script>window.__xss = 1; alert('script')</script>",
      '<img src="x" onerror="window.__xss = 2; alert(\'onerror\')">',
      "[cliquez ici](javascript:alert('lien'))",
      "<a href=\"JaVaScRiPt:alert('lien2')\">et là</a>",
    ].join("\n\n");
    await writeAndSave(page, payload);
    const preview = page.getByTestId("markdown-preview");
    await expect(preview).toContainText("Texte sûr.");
    await expect(preview.locator("script, [onerror], [href^='javascript' i]")).toHaveCount(0);
    await page.getByRole("button", { name: "Publier", exact: true }).click();
    await expect(page.getByText("Publiée", { exact: true })).toBeVisible();

    await page.goto(`/laureats/${projectId}`);
    const article = page.getByRole("article", { name: title });
    await expect(article).toContainText("Texte sûr.");
    await expect(article.locator("script, img, [onerror], [href^='javascript' i]")).toHaveCount(0);
    await article.getByText("cliquez ici").click();
    await article.getByText("et là").click();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});

test.describe("scope of another région's editor", () => {
  async function captureCreateMilestone(page: Page, projectId: string, label: string) {
    await page.goto(`/reseau/projets/${projectId}`);
    const form = page.getByRole("form", { name: "Nouvelle étape" });
    await form.getByLabel("Intitulé de l’étape").fill(label);
    let captured: Request | undefined;
    const url = `**/reseau/projets/${projectId}`;
    await page.route(url, async (route) => {
      if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
        captured = route.request();
        await route.abort();
      } else {
        await route.continue();
      }
    });
    await form.getByRole("button", { name: "Ajouter l’étape" }).click();
    await expect.poll(() => captured !== undefined).toBe(true);
    await page.unroute(url);
    return captured as Request;
  }

  test("is refused on a project of Auvergne-Rhône-Alpes: page, server action and image upload", async ({
    browser,
  }) => {
    const projectId = await thiersTandilId();
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInAs(otherPage, "editor-other");
    const response = await otherPage.goto(`/reseau/projets/${projectId}`);
    expect(response?.status()).toBe(403);
    await expectNoAxeViolations(otherPage);

    // The RESACOOP editor's request, replayed under the other editor's session.
    const resacoop = await browser.newContext();
    const resacoopPage = await resacoop.newPage();
    await signInAs(resacoopPage, "editor-resacoop");
    const label = `Étape interdite ${token()}`;
    const captured = await captureCreateMilestone(resacoopPage, projectId, label);
    const replay = await playwrightRequest.newContext({
      baseURL: new URL(captured.url()).origin,
      storageState: await other.storageState(),
    });
    const headers = { ...captured.headers() };
    delete headers.cookie;
    const replayed = await replay.fetch(captured.url(), {
      method: "POST",
      headers,
      data: captured.postDataBuffer() ?? undefined,
      maxRedirects: 0,
    });
    expect(await replayed.text()).toContain("pas dans la région de votre réseau");
    await replay.dispose();

    // Nor may it upload an image to a RESACOOP page.
    await resacoopPage.goto(`/reseau/projets/${projectId}`);
    await createProjectPost(resacoopPage, projectId, `Page de RESACOOP ${token()}`);
    const postId = resacoopPage.url().split("/").pop() ?? "";
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const upload = await otherPage.request.post("/api/reseaux/images", {
      multipart: {
        postId,
        altText: "Une image",
        file: { name: "x.png", mimeType: "image/png", buffer: png },
      },
    });
    expect(upload.status()).toBe(403);
    // And a file that is not an image is refused to the right editor too.
    const fake = await resacoopPage.request.post("/api/reseaux/images", {
      multipart: {
        postId,
        altText: "Une image",
        file: { name: "x.png", mimeType: "image/png", buffer: Buffer.from("<svg onload=alert(1)>") },
      },
    });
    expect(fake.status()).toBe(415);

    await resacoopPage.goto(`/laureats/${projectId}`);
    await expect(resacoopPage.getByText(label)).toHaveCount(0);
    await other.close();
    await resacoop.close();
  });
});

test.describe("progress reports and public pages", () => {
  test("a laureate sends a report; the network features an excerpt on the project page", async ({ page }) => {
    test.slow();
    // The RESACOOP persona also manages RESACOOP as an organisation, which leads two 2025 laureates.
    const project = "Des montagnes et des lacs — phase 2";
    const sentence = `Les ateliers de l’été ont réuni quarante élus ${token()}.`;
    // Its grant, put back to a signed agreement whose report is still to send (the demo's dates may have
    // it further on): the report is the one the schedule waits for.
    await withSql(async (sql) => {
      const [grant] = await sql<{ applicationId: string }[]>`
        select g.application_id as "applicationId" from grants g join applications a on a.id = g.application_id
        where a.title = ${project}`;
      if (!grant) throw new Error(`no grant for ${project}`);
      await sql`delete from progress_reports where application_id = ${grant.applicationId}`;
      await sql`update grants set status = 'agreement_signed', signed_at = coalesce(signed_at, now()),
                signatory_name = coalesce(signatory_name, 'Signataire'), signatory_function = coalesce(signatory_function, 'Président')
                where application_id = ${grant.applicationId}`;
    });
    await signInAs(page, "editor-resacoop");
    await page.goto("/espace/rapports");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: project }).click();
    await page
      .getByLabel("Ce qui a été réalisé")
      .fill(`${sentence} Les missions croisées se poursuivent comme prévu.`);
    await page.getByLabel("Résultats obtenus").fill("Deux missions croisées, un plan de gestion des lacs.");
    const actual = page.locator('input[name="actual"]');
    for (let i = 0; i < (await actual.count()); i++) await actual.nth(i).fill("1000");
    await page.getByRole("button", { name: /^Envoyer le rapport/ }).click();
    await expect(page.getByText(/est envoyé\s: la délégation l’examine\./)).toBeVisible();

    await page.goto("/reseau");
    await page.getByRole("link", { name: project }).click();
    const report = page
      .getByRole("region", { name: "Rapports des porteurs" })
      .getByRole("listitem")
      .filter({ hasText: sentence });
    await report.getByLabel("Extrait mis en avant sur la page publique du projet").fill(sentence);
    await report.getByRole("button", { name: "Enregistrer l’extrait" }).click();
    await expect(report.getByRole("status")).toHaveText("Extrait enregistré.");

    await page.getByRole("link", { name: "Voir la page publique du projet" }).click();
    await expect(page.getByRole("region", { name: "Le mot des porteurs" })).toContainText(sentence);
    await expectNoAxeViolations(page);
  });

  test("the networks list and the news archive are accessible", async ({ page }) => {
    await page.goto("/reseaux");
    await expect(page.getByRole("link", { name: "RESACOOP" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "RESACOOP" }).click();
    await page.getByRole("link", { name: "Tous les numéros" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Actualités de RESACOOP" })).toBeVisible();
    await expectNoAxeViolations(page);
    const response = await page.goto("/reseaux/inconnu");
    expect(response?.status()).toBe(404);
  });
});
