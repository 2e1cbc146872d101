import { describe, expect, it } from "vitest";
import { escapeHtml, optionsHtml } from "./options-html";

describe("optionsHtml", () => {
  it("lists the empty choice first, then every item, marking the selected one", () => {
    expect(
      optionsHtml(
        [
          { value: "84", label: "Auvergne-Rhône-Alpes" },
          { value: "53", label: "Bretagne" },
        ],
        "53",
        "Toutes",
      ),
    ).toBe(
      '<option value="">Toutes</option><option value="84">Auvergne-Rhône-Alpes</option><option value="53" selected>Bretagne</option>',
    );
  });

  it("has no empty choice when asked, and selects nothing for an unknown value", () => {
    expect(optionsHtml([{ value: "a", label: "A" }], "zz", null)).toBe('<option value="a">A</option>');
  });

  it("escapes values and labels typed by people (a call's title)", () => {
    const html = optionsHtml(
      [{ value: 'x"><script>', label: "Eau & « <b>assainissement</b> » l’été" }],
      undefined,
      null,
    );
    expect(html).toBe(
      '<option value="x&quot;&gt;&lt;script&gt;">Eau &amp; « &lt;b&gt;assainissement&lt;/b&gt; » l’été</option>',
    );
    expect(escapeHtml(`'`)).toBe("&#39;");
  });
});
