import { describe, expect, it } from "vitest";
import { escapeHtml, html, SafeHtml, safeUrl } from "./html";

describe("escapeHtml", () => {
  it("escapes the five characters that matter in content and quoted attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
    );
  });

  it("leaves ordinary French text alone", () => {
    expect(escapeHtml("Coopération décentralisée « Saint-Étienne » 12\u202f500\u00a0€")).toBe(
      "Coopération décentralisée « Saint-Étienne » 12\u202f500\u00a0€",
    );
  });

  it("escapes text that already looks like entities, so it shows as written", () => {
    expect(escapeHtml("&lt;script&gt;")).toBe("&amp;lt;script&amp;gt;");
  });
});

describe("html", () => {
  it("escapes interpolated values and keeps nested fragments", () => {
    const name = `<img src=x onerror="alert(1)">`;
    const inner = html`<strong>${name}</strong>`;
    const outer = html`<p>${inner} ${[html`<br>`, "a<b"]} ${null}${undefined}${false}${42}</p>`;
    expect(outer).toBeInstanceOf(SafeHtml);
    expect(outer.value).toBe(
      "<p><strong>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</strong> <br>a&lt;b 42</p>",
    );
  });
});

describe("safeUrl", () => {
  it("accepts absolute http(s) links", () => {
    expect(safeUrl("https://cooperation.example/connexion?token=a&b=c")).toBe(
      "https://cooperation.example/connexion?token=a&b=c",
    );
  });

  it("refuses other schemes and relative links", () => {
    expect(() => safeUrl("javascript:alert(1)")).toThrow(/non-http/);
    expect(() => safeUrl("/espace")).toThrow();
  });
});
