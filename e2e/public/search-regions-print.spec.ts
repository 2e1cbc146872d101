import { expect, expectNoAxeViolations, test } from "../fixtures";
import { withSql } from "../support/calls-db";

/**
 * As a visitor: French full-text search and the theme filter of /laureats
 * (keyboard only, plain GET form), the map of the French régions, and the
 * print rendering of the statistics and the map. Figures are read from the
 * e2e database; 2025 is a published year no other test adds laureates to.
 */

const THIERS_TANDIL = "Soutien et développement de l'industrie de la coutellerie";

test.describe("laureates search", () => {
  test("finds the Thiers project by a word of its summary, accents and case ignored", async ({ page }) => {
    test.slow(); // a search is rendered per request, and the page goes through axe
    await page.goto("/laureats");
    const search = page.getByRole("searchbox", { name: /^Rechercher/ });
    await search.fill("COUTELLERIES");
    await search.press("Enter");
    await expect(page).toHaveURL(/[?&]q=COUTELLERIES/);
    await expect(page.getByRole("heading", { level: 2, name: /lauréats?/ })).toContainText(
      "recherche « COUTELLERIES »",
    );
    await expect(page.getByRole("article").filter({ hasText: THIERS_TANDIL })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: /^Rechercher/ })).toHaveValue("COUTELLERIES");
    await expectNoAxeViolations(page);
  });

  test("finds by the lead's name and by a country name (stored as a code only), from a shared URL", async ({
    page,
  }) => {
    await page.goto("/laureats?q=thiers&annee=2025");
    await expect(page.getByRole("searchbox", { name: /^Rechercher/ })).toHaveValue("thiers");
    await expect(page.getByRole("article").filter({ hasText: THIERS_TANDIL })).toBeVisible();
    await page.goto("/laureats?q=armenie&annee=2025");
    await expect(page.getByRole("article").filter({ hasText: "IRAPA" })).toHaveCount(1);
  });

  test("filters by theme with the keyboard only, with the count of the rows", async ({ page }) => {
    test.slow(); // a database read, then the page goes through axe
    const [row] = await withSql(
      (sql) => sql<{ theme: string; n: number }[]>`
        select t.theme, count(*)::int as n
        from applications a join calls c on c.id = a.call_id
        join decisions d on d.application_id = a.id and d.outcome = 'accepted'
        cross join lateral unnest(a.themes) as t(theme)
        where c.year = 2025 and c.results_published_at <= now()
        group by t.theme order by n desc, t.theme limit 1`,
    );
    if (!row) throw new Error("The demo data has no 2025 laureate with a theme");

    await page.goto("/laureats");
    const search = page.getByRole("searchbox", { name: /^Rechercher/ });
    await search.focus();
    await page.keyboard.press("Tab");
    const year = page.getByRole("combobox", { name: /^Année/ });
    await expect(year).toBeFocused();
    await year.selectOption("2025");
    for (const name of [/^Appel à projets/, /^Région/, /^Département/, /^Pays/, /^Thème/]) {
      await page.keyboard.press("Tab");
      await expect(page.getByRole("combobox", { name })).toBeFocused();
    }
    await page.getByRole("combobox", { name: /^Thème/ }).selectOption(row.theme);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Filtrer" })).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/[?&]theme=/);
    await expect(page).toHaveURL(/[?&]annee=2025/);
    await expect(page.getByRole("heading", { level: 2, name: /lauréats?/ })).toContainText(
      `${row.n > 1 ? `${row.n} projets lauréats` : "1 projet lauréat"} — année 2025, thème « ${row.theme} »`,
    );
    await expect(page.getByRole("combobox", { name: /^Thème/ })).toHaveValue(row.theme);
    await expectNoAxeViolations(page);
  });
});

test.describe("map of the French régions", () => {
  test("Auvergne-Rhône-Alpes links to its laureates: the same count, and its nine of 2025", async ({
    page,
  }) => {
    test.slow(); // the map goes through axe, then two lists are rendered
    const [counted] = await withSql(
      (sql) => sql<{ n2025: number }[]>`
        select count(distinct a.id)::int as n2025
        from applications a join calls c on c.id = a.call_id
        join decisions d on d.application_id = a.id and d.outcome = 'accepted'
        left join participants p on p.application_id = a.id and p.role = 'co_applicant'
        join organisations lead on lead.id = a.lead_organisation_id
        left join organisations co on co.id = p.organisation_id
        where c.year = 2025 and c.results_published_at <= now()
          and (lead.region_code = '84' or co.region_code = '84')`,
    );
    const n2025 = counted?.n2025;
    expect(n2025).toBe(9);

    await page.goto("/carte");
    await expect(page.getByRole("heading", { level: 2, name: "Régions françaises" })).toBeVisible();
    const ara = page.getByRole("link", { name: /^Auvergne-Rhône-Alpes : \d+ projets?$/ });
    await expect(ara).toHaveCount(1);
    const count = Number((await ara.getAttribute("aria-label"))?.match(/(\d+) projet/)?.[1]);
    expect(count).toBeGreaterThanOrEqual(9);
    await expect(page.locator("#tableau-regions")).toContainText("Auvergne-Rhône-Alpes");
    await expect(page.getByRole("table", { name: /Projets lauréats par région/ })).toContainText(
      "La Réunion",
    );
    await expectNoAxeViolations(page);

    await ara.focus();
    await expect(ara).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/laureats\?region=84$/);
    await expect(page.getByRole("heading", { level: 2, name: /projets? lauréats?/ })).toContainText(
      `${count} projets lauréats — région Auvergne-Rhône-Alpes`,
    );
    await page.getByRole("combobox", { name: /^Année/ }).selectOption("2025");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page.getByRole("heading", { level: 2, name: /projets? lauréats?/ })).toContainText(
      `${n2025} projets lauréats — année 2025, région Auvergne-Rhône-Alpes`,
    );
    await expect(page.getByRole("article").filter({ hasText: THIERS_TANDIL })).toBeVisible();
  });
});

test.describe("printing", () => {
  for (const path of ["/statistiques", "/carte"]) {
    test(`${path} prints without the site's navigation and footer, but says whose it is and that it is a demo`, async ({
      page,
    }) => {
      await page.goto(path);
      await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeVisible();
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeHidden();
      await expect(page.getByRole("contentinfo")).toBeHidden();
      const banner = page.getByRole("banner");
      await expect(banner.getByText("Coopération décentralisée — Appels à projets")).toBeVisible();
      await expect(banner.getByText("Données de démonstration.")).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Every table fits the A4 width (about 700 CSS pixels between the margins).
      const widest = await page
        .locator("main table")
        .evaluateAll((tables) => Math.max(...tables.map((t) => t.getBoundingClientRect().width)));
      await page.setViewportSize({ width: 700, height: 1000 });
      const widestAtA4 = await page
        .locator("main table")
        .evaluateAll((tables) => Math.max(...tables.map((t) => t.scrollWidth)));
      expect(widest).toBeGreaterThan(0);
      expect(widestAtA4).toBeLessThanOrEqual(700);
    });
  }
});
