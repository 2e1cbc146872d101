import { frenchSpacing } from "../../lib/format";
import { parseCsv } from "../../lib/open-data/csv";
import { SCDL_COLUMNS, scdlSubventionRow } from "../../lib/open-data/scdl-schema";
import { expect, expectNoAxeViolations, test } from "../fixtures";
import { unpublishedDecisions } from "./unpublished";

const THIERS_TANDIL = "Soutien et développement de l'industrie de la coutellerie";

test.describe("statistics", () => {
  test("shows 158 / 91 / 57,6 % for 2025, each chart with its data table", async ({ page }) => {
    await page.goto("/statistiques");
    await expect(page.getByRole("heading", { level: 1, name: "Statistiques" })).toBeVisible();
    const byYear = page.getByRole("table", { name: /par année/ });
    const row2025 = byYear.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "2025" }) });
    await expect(row2025.getByRole("cell")).toContainText(["10", "158", "91", "57,6 %"]);
    // Each chart is an image with a text alternative, followed by its table.
    await expect(page.getByRole("img", { name: /2025 : 158 déposés, 91 lauréats/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /par région/ })).toContainText("Auvergne-Rhône-Alpes");
    await expect(page.getByRole("table", { name: /par pays/ })).toContainText("Argentine");
    await expect(page.getByRole("table", { name: /par appel à projets/ })).toContainText(
      "Appel à projets généraliste 2025",
    );
    await expectNoAxeViolations(page);
  });
});

test.describe("map", () => {
  test("links Argentina to its projects, with the same count as the list, and a table alternative", async ({
    page,
  }) => {
    await page.goto("/carte");
    const argentina = page.getByRole("link", { name: /^Argentine : \d+ projets?$/ });
    await expect(argentina).toHaveCount(1);
    const count = Number((await argentina.getAttribute("aria-label"))?.match(/(\d+) projet/)?.[1]);
    await expect(page.getByRole("table", { name: "Projets lauréats par pays partenaire" })).toContainText(
      "Argentine",
    );
    await expectNoAxeViolations(page);

    await argentina.focus();
    await expect(argentina).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/laureats\?pays=AR$/);
    await expect(page.getByRole("heading", { level: 2, name: /projets? lauréats?/ })).toContainText(
      count > 1 ? `${count} projets lauréats` : "1 projet lauréat",
    );
    await expect(page.getByRole("article").filter({ hasText: THIERS_TANDIL })).toBeVisible();
  });
});

test.describe("IRAPA platform", () => {
  test("filter by Arménie finds the IRAPA project with its three pairings", async ({ page }) => {
    await page.goto("/laureats");
    await page.getByLabel(/^Pays/).selectOption({ label: "Arménie" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/[?&]pays=AM/);
    const irapa = page.getByRole("article").filter({ hasText: "IRAPA" });
    await expect(irapa).toHaveCount(1);
    await irapa.getByRole("link").first().click();
    const pairings = page.getByRole("table", { name: /Binômes du projet/ });
    await expect(pairings.locator("tbody tr")).toHaveCount(3);
    await expect(pairings).toContainText("Sevan");
    await expect(pairings).toContainText("Goris");
    await expect(pairings).toContainText("Guégharkunik");
  });
});

test.describe("open data", () => {
  test("the page explains the fields and the licence, and the CSV downloads and validates", async ({
    page,
  }) => {
    await page.goto("/donnees");
    await expect(page.getByRole("heading", { level: 1, name: "Données ouvertes" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Licence Ouverte/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /Champs du schéma/ })).toContainText("dispositifAide");
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Télécharger le fichier CSV/ }).click(),
    ]);
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(path, "utf8");
    expect(text.split("\r\n")[0]).toBe(SCDL_COLUMNS.join(","));
    const rows = parseCsv(text);
    expect(rows.length).toBeGreaterThanOrEqual(91);
    for (const row of rows) {
      const parsed = scdlSubventionRow.safeParse(row);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
    expect(rows.find((r) => r.objet?.includes("coutellerie"))?.nomBeneficiaire).toContain("Thiers");
  });

  test("the JSON has the same rows, all valid", async ({ request }) => {
    const [csv, json] = await Promise.all([
      request.get("/api/open-data/subventions.csv"),
      request.get("/api/open-data/subventions.json"),
    ]);
    expect(json.headers()["content-type"]).toContain("application/json");
    expect(csv.headers()["cache-control"]).toContain("s-maxage");
    const body = (await json.json()) as { schema: string; data: Record<string, string>[] };
    expect(body.schema).toBe("scdl/subventions@2.1.1");
    for (const row of body.data) expect(scdlSubventionRow.safeParse(row).success).toBe(true);
    expect(body.data).toEqual(parseCsv(await csv.text()));
  });
});

test.describe("never before publication", () => {
  test("no decision of an unpublished call leaks to a page, count, export or the sitemap", async ({
    page,
    request,
  }) => {
    test.slow(); // many pages
    const hidden = await unpublishedDecisions();
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    const year = String(new Date().getFullYear());

    for (const d of hidden) {
      expect((await request.get(`/laureats/${d.id}`)).status()).toBe(404);
    }
    const texts: Record<string, string> = {};
    for (const path of [
      "/sitemap.xml",
      "/api/open-data/subventions.csv",
      "/api/open-data/subventions.json",
      "/statistiques",
      "/carte",
      "/laureats",
      "/",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      texts[path] = await response.text();
    }
    for (const [path, text] of Object.entries(texts)) {
      for (const d of hidden) {
        expect(text, `${path} shows ${d.id}`).not.toContain(d.id);
        expect(text, `${path} shows ${d.title}`).not.toContain(d.title);
        // As the cards show it (no-break spaces before « : » and inside « »).
        expect(text, `${path} shows ${d.title}`).not.toContain(frenchSpacing(d.title));
        if (d.receipt) expect(text, `${path} shows ${d.receipt}`).not.toContain(d.receipt);
      }
    }
    // The call in review is in no statistics row, and its year in no figure.
    await page.goto("/statistiques");
    await expect(page.getByRole("table", { name: /par appel à projets/ })).not.toContainText(
      hidden[0]?.callTitle ?? "",
    );
    await expect(page.getByRole("rowheader", { name: year, exact: true })).toHaveCount(0);
    const json = JSON.parse(texts["/api/open-data/subventions.json"] ?? "{}") as {
      data: { dispositifAide: string }[];
    };
    expect(json.data.some((r) => r.dispositifAide === hidden[0]?.callTitle)).toBe(false);
  });
});

test.describe("SEO", () => {
  test("robots.txt points to the sitemap, and pages have a canonical URL and OpenGraph tags", async ({
    page,
    request,
  }) => {
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toContain("Sitemap:");
    expect(robots).toContain("Disallow: /admin");
    // The network editors' space is closed to crawlers, not the public /reseaux pages (rules match by prefix).
    expect(robots).toContain("Disallow: /reseau/");
    expect(robots).not.toMatch(/^Disallow: \/reseau$/m);
    expect(robots).toContain("Allow: /api/open-data/");
    const sitemap = await (await request.get("/sitemap.xml")).text();
    expect(sitemap).toContain("/statistiques</loc>");
    expect(sitemap).toMatch(/\/laureats\/[0-9a-f-]{36}<\/loc>/);
    expect(sitemap).toContain("/reseaux/resacoop</loc>");

    await page.goto("/statistiques");
    await expect(page).toHaveTitle(/^Statistiques — /);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/statistiques$/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /Statistiques/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /taux de sélection/);

    await page.goto("/reseaux/resacoop/actualites");
    await expect(page).toHaveTitle("Actualités de RESACOOP — Coopération décentralisée");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      "href",
      /\/reseaux\/resacoop\/actualites$/,
    );
  });
});
