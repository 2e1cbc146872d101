import { describe, expect, it } from "vitest";
import { checkPath } from "./path-guard";

describe("paths the proxy answers itself", () => {
  it.each([
    "/laureats/%ff",
    "/laureats/%",
    "/laureats/%E0%A4%A",
    "/appels/%e9",
    "/espace/dossiers/%ff",
    "/api/files/%ff",
    "/reseaux/%c0%af/flux.xml",
  ])("malformed percent-encoding: 400 (%s)", (path) => {
    expect(checkPath(path)).toBe("bad-request");
  });

  it.each([
    "/laureats/pas-un-id",
    "/laureats/00000000-0000-4000-8000-00000000abcz",
    "/laureats-filtres/pays%3Dzz",
    "/laureats-filtres/n%27importe%3Dquoi",
    "/appels/Majuscules",
    "/appels/%C3%A9t%C3%A9",
    "/reseaux/un%20espace",
    "/reseaux/resacoop/actualites/premier",
    "/reseaux/resacoop/actualites/1234567",
    "/reseaux/resacoop/autre",
  ])("an id or slug that cannot exist on a cached route: the static 404 (%s)", (path) => {
    expect(checkPath(path)).toBe("not-found");
  });

  it.each([
    "/",
    "/laureats",
    "/laureats/0b6f1b0e-6d1f-4c1e-9d6a-2f3c4d5e6f70",
    "/laureats-filtres/tous",
    "/laureats-filtres/pays%3DAR",
    "/appels/afrique-2025",
    "/reseaux",
    "/reseaux/resacoop",
    "/reseaux/resacoop/actualites",
    "/reseaux/resacoop/actualites/12",
    "/reseaux/resacoop/flux.xml",
    "/espace/dossiers/quelque-chose",
  ])("left to the app: %s", (path) => {
    expect(checkPath(path)).toBeNull();
  });
});
