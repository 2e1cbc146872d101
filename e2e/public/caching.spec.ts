import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import { decide, seedCallInReview } from "../support/calls-db";
import { signInAs } from "../support/personas";

/** What a shared cache (CDN, nginx proxy_cache) may keep: s-maxage, nothing private. */
function expectShareable(cacheControl: string | undefined, url: string) {
  expect(cacheControl, url).toMatch(/s-maxage=\d+/);
  expect(cacheControl, url).not.toMatch(/private|no-store|no-cache/);
}

async function firstHref(request: APIRequestContext, url: string, pattern: RegExp) {
  const html = await (await request.get(url)).text();
  const match = pattern.exec(html);
  if (!match?.[1]) throw new Error(`no link matching ${pattern} on ${url}`);
  return match[1];
}

test.describe("public pages come from Next's cache", () => {
  test("every public page, the sitemap and the open data may be held by a shared cache", async ({
    request,
  }) => {
    const project = await firstHref(request, "/laureats", /href="(\/laureats\/[0-9a-f-]{36})"/);
    const call = await firstHref(request, "/appels", /href="(\/appels\/[a-z0-9-]+)"/);
    const urls = [
      "/",
      "/appels",
      call,
      "/laureats",
      "/laureats?pays=AR",
      "/laureats?annee=2025&page=2",
      project,
      "/statistiques",
      "/carte",
      "/donnees",
      "/reseaux",
      "/reseaux/resacoop",
      "/reseaux/resacoop/actualites",
      "/mentions-legales",
      "/accessibilite",
      "/donnees-personnelles",
      "/sitemap.xml",
      "/api/open-data/subventions.csv",
      "/api/open-data/subventions.json",
    ];
    for (const url of urls) {
      // The second request is the one a visitor gets once the page is cached.
      await request.get(url);
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expectShareable(response.headers()["cache-control"], url);
    }
  });

  test("a filtered list keeps its shareable URL, in canonical form", async ({ page }) => {
    const response = await page.goto("/laureats?pays=am&annee=2025&utm_source=lettre");
    await expect(page).toHaveURL(/\/laureats\?annee=2025&pays=AM$/);
    expectShareable(response?.headers()["cache-control"], page.url());
    await expect(
      page.getByRole("heading", { level: 2, name: /projets? lauréats? — année 2025, pays Arménie/ }),
    ).toBeVisible();
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/laureats$/);
    const nav = page.getByRole("navigation", { name: "Menu principal" });
    await expect(nav.getByRole("link", { name: "Lauréats" })).toHaveAttribute("aria-current", "page");
  });

  test("the internal address of the cached list only answers in canonical form", async ({ request }) => {
    expect((await request.get("/laureats-filtres/pays%3Dam")).status()).toBe(404);
    expect((await request.get("/laureats-filtres/utm%3Dx")).status()).toBe(404);
  });

  test("a search keeps its URL, is rendered per request and is never stored by a cache", async ({ page }) => {
    const response = await page.goto("/laureats?q=coutellerie");
    await expect(page).toHaveURL(/\/laureats\?q=coutellerie$/);
    expect(response?.headers()["cache-control"]).toMatch(/no-store/);
    expect(response?.headers()["cache-control"]).not.toMatch(/s-maxage/);
    await expect(page.getByRole("heading", { level: 2, name: /recherche «\scoutellerie\s»/ })).toBeVisible();
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/laureats$/);
    const nav = page.getByRole("navigation", { name: "Menu principal" });
    await expect(nav.getByRole("link", { name: "Lauréats" })).toHaveAttribute("aria-current", "page");
  });

  test("only the proxy chooses the cached entry of a list request", async ({ request }) => {
    // proxy.ts hands the canonical segment to next.config.ts's rewrite in a request header: one sent by the client is dropped.
    const header = { "x-laureats-segment": "annee%3D2025%26pays%3DAR" };
    const all = await request.get("/laureats", { headers: header });
    expect(all.status()).toBe(200);
    expect(await all.text()).toMatch(/<h2 id="resultats"[^>]*>[\d\s\u202f]+ projets lauréats<\/h2>/);
    const search = await request.get("/laureats?q=coutellerie", { headers: header });
    expect(search.status()).toBe(200);
    expect(await search.text()).toContain("recherche «\u00a0coutellerie\u00a0»");
    expect(search.headers()["cache-control"]).not.toMatch(/s-maxage/);
    // Nor can a client send the unfiltered list, or a filtered one, to the per-request search.
    for (const url of ["/laureats", "/laureats?pays=AR"]) {
      const cached = await request.get(url, { headers: { "x-laureats-segment": "recherche" } });
      expect(cached.status(), url).toBe(200);
      expectShareable(cached.headers()["cache-control"], url);
    }
  });

  for (const [persona, url] of [
    ["admin", "/admin"],
    ["admin", "/instruction"],
    ["applicant-thiers", "/espace"],
  ] as const) {
    test(`${url} stays private and is never stored by a cache`, async ({ page }) => {
      await signInAs(page, persona);
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status()).toBe(200);
      expect(response.headers()["cache-control"]).toMatch(/private/);
      expect(response.headers()["cache-control"]).toMatch(/no-store/);
    });
  }

  test("a laureate appears on the cached pages as soon as the results are published", async ({
    page,
    playwright,
  }, info) => {
    test.setTimeout(90_000);
    const call = await seedCallInReview(2, "cache");
    const [accepted, rejected] = call.applications;
    if (!accepted || !rejected) throw new Error("applications not created");
    await decide(accepted.id, "accepted", 3_000_000);
    await decide(rejected.id, "rejected");

    const anonymous = await playwright.request.newContext({ baseURL: String(info.project.use.baseURL) });
    const list = `/laureats?appel=${call.slug}`;
    // The unfiltered list is a cached page of its own: its count must follow the publication too.
    const laureatesCount = async () => {
      const match = /<h2 id="resultats"[^>]*>([\d\s\u202f]+) projets lauréats<\/h2>/.exec(
        await (await anonymous.get("/laureats")).text(),
      );
      if (!match?.[1]) throw new Error("no laureates count on /laureats");
      return Number(match[1].replace(/\D/g, ""));
    };
    await laureatesCount();
    const countBefore = await laureatesCount();
    // Before publication: the list of the call is cached, without the laureate.
    await anonymous.get(list);
    const cached = await anonymous.get(list);
    expect(cached.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(await cached.text()).not.toContain(accepted.title);
    await anonymous.get("/sitemap.xml");
    expect(await (await anonymous.get("/sitemap.xml")).text()).not.toContain(accepted.id);

    await signInAs(page, "admin");
    await page.goto(`/admin/appels/${call.id}/publication`);
    await page.getByRole("button", { name: "Confirmer la publication des résultats" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "2 courriels de décision mis en file d’envoi" }),
    ).toBeVisible();

    // The very next request shows it: the publication expired the cached pages.
    const after = await anonymous.get(list);
    expect(after.status()).toBe(200);
    const body = await after.text();
    expect(body).toContain(accepted.title);
    expect(body).not.toContain(rejected.title);
    // Other tests may publish at the same time: the count moved, whatever else did.
    expect(await laureatesCount()).not.toBe(countBefore);
    const project = await anonymous.get(`/laureats/${accepted.id}`);
    expect(project.status()).toBe(200);
    expect(await project.text()).toContain(accepted.title);
    expect(await (await anonymous.get("/sitemap.xml")).text()).toContain(accepted.id);
    expect((await anonymous.get(`/laureats/${rejected.id}`)).status()).toBe(404);
    await anonymous.dispose();
  });
});
