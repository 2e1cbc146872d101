import { afterEach, describe, expect, it, vi } from "vitest";
import { absoluteUrl, onSiteOrigin, resolveSiteOrigin, siteOrigin } from "./site-url";

describe("resolveSiteOrigin", () => {
  it("refuses a configured database (production) without AUTH_URL, as without AUTH_SECRET", () => {
    expect(() => resolveSiteOrigin({ PORT: "8080" }, false)).toThrow(/AUTH_URL must be set/);
    expect(() => resolveSiteOrigin({ AUTH_URL: "  " }, false)).toThrow(/AUTH_URL must be set/);
  });

  it("derives http://localhost:PORT on the embedded demo database", () => {
    expect(resolveSiteOrigin({ PORT: "3211" }, true)).toBe("http://localhost:3211");
    expect(resolveSiteOrigin({}, true)).toBe("http://localhost:3000");
  });

  it("keeps a configured origin, also on the embedded database", () => {
    expect(resolveSiteOrigin({ AUTH_URL: "https://cooperation.example.gouv.fr/" }, false)).toBe(
      "https://cooperation.example.gouv.fr",
    );
    expect(resolveSiteOrigin({ AUTH_URL: "http://localhost:4000", PORT: "3000" }, true)).toBe(
      "http://localhost:4000",
    );
  });

  it("refuses what is not an http(s) origin", () => {
    for (const AUTH_URL of [
      "cooperation.example.gouv.fr",
      "ftp://cooperation.example.gouv.fr",
      "https://cooperation.example.gouv.fr/app",
      "https://cooperation.example.gouv.fr/?x=1",
      "https://user:pass@cooperation.example.gouv.fr",
      "javascript:alert(1)",
    ]) {
      expect(() => resolveSiteOrigin({ AUTH_URL }, false), AUTH_URL).toThrow(/AUTH_URL/);
    }
  });
});

describe("URLs on the configured origin", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("builds absolute URLs on AUTH_URL, whatever the path says", () => {
    vi.stubEnv("AUTH_URL", "https://cooperation.example.gouv.fr");
    expect(siteOrigin()).toBe("https://cooperation.example.gouv.fr");
    expect(absoluteUrl("/espace")).toBe("https://cooperation.example.gouv.fr/espace");
    expect(absoluteUrl("espace")).toBe("https://cooperation.example.gouv.fr/espace");
    // A protocol-relative or absolute "path" stays a path of the site.
    expect(new URL(absoluteUrl("//evil.example/x")).host).toBe("cooperation.example.gouv.fr");
    expect(new URL(absoluteUrl("https://evil.example/x")).host).toBe("cooperation.example.gouv.fr");
  });

  it("moves a sign-in link built from a forged host onto AUTH_URL, token kept", () => {
    vi.stubEnv("AUTH_URL", "https://cooperation.example.gouv.fr");
    const forged =
      "https://evil.example/api/auth/callback/nodemailer?callbackUrl=%2Fespace&token=abc123&email=a%40b.fr";
    expect(onSiteOrigin(forged)).toBe(
      "https://cooperation.example.gouv.fr/api/auth/callback/nodemailer?callbackUrl=%2Fespace&token=abc123&email=a%40b.fr",
    );
    expect(new URL(onSiteOrigin("https://evil.example//evil.example/x")).host).toBe(
      "cooperation.example.gouv.fr",
    );
  });
});
