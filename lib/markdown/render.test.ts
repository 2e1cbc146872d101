import { describe, expect, it } from "vitest";
import { markdownExcerpt, referencedImageIds, renderMarkdown } from "./render";

const IMAGE = "/api/reseaux/images/0b9c1f3e-4b6a-4a55-9a1e-1f2d3c4b5a69";

describe("renderMarkdown", () => {
  it("renders simple Markdown", () => {
    expect(renderMarkdown("Un **projet** et [un lien](https://example.org)")).toBe(
      '<p>Un <strong>projet</strong> et <a href="https://example.org">un lien</a></p>\n',
    );
  });

  it("drops script elements and their content", () => {
    const html = renderMarkdown("Avant\n\n<script>alert(1)</script>\n\nAprès");
    expect(html).not.toMatch(/script|alert/);
    expect(html).toContain("Après");
  });

  it("drops event attributes", () => {
    const html = renderMarkdown('<img src="x" onerror="alert(1)"> <p onclick="alert(2)">texte</p>', {
      images: true,
    });
    expect(html).not.toMatch(/onerror|onclick|alert/);
  });

  it("drops javascript: and data: links, keeping their text", () => {
    const html = renderMarkdown(
      '[clic](javascript:alert(1)) [data](data:text/html,<script>) <a href="JaVaScRiPt:alert(1)">x</a>',
    );
    expect(html).not.toMatch(/javascript|data:/i);
    expect(html).toContain("clic");
    // A link that loses its address is no link: plain text, not an <a> drawn as a disabled link.
    expect(html).not.toContain("<a");
    expect(renderMarkdown("[ici](https://example.org)")).toContain('<a href="https://example.org">ici</a>');
  });

  it("refuses images unless allowed, and then only the app's own with an alt text", () => {
    const md = `![Atelier](${IMAGE}) ![distante](https://evil.example/x.png) ![](${IMAGE})`;
    expect(renderMarkdown(md)).not.toContain("<img");
    const html = renderMarkdown(md, { images: true });
    expect(html.match(/<img/g)).toHaveLength(1);
    expect(html).toContain(`<img src="${IMAGE}" alt="Atelier" />`);
  });

  it("shifts headings below the page's h2", () => {
    expect(renderMarkdown("# Titre\n\n## Sous-titre")).toBe("<h3>Titre</h3>\n<h3>Sous-titre</h3>\n");
  });

  it("drops style, iframe and forms", () => {
    const html = renderMarkdown(
      '<style>body{}</style><iframe src="https://x"></iframe><form><input></form>texte',
    );
    expect(html).not.toMatch(/style|iframe|form|input/);
  });
});

describe("referencedImageIds", () => {
  it("lists each image once", () => {
    expect(referencedImageIds(`![a](${IMAGE}) ![b](${IMAGE})`)).toEqual([IMAGE.split("/").pop()]);
  });
});

describe("markdownExcerpt", () => {
  it("gives plain text, cut with an ellipsis", () => {
    expect(markdownExcerpt("**Bonjour** <script>x</script> le monde", 100)).toBe("Bonjour le monde");
    expect(markdownExcerpt("a ".repeat(200), 11)).toBe("a a a a a…");
  });
});
