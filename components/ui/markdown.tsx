import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

const ALLOWED_TAGS = ["p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "h3", "h4", "a", "code"];

/**
 * Renders Markdown written by staff (call descriptions). The HTML is
 * sanitised after conversion: only simple text tags survive, links keep only
 * http(s) and mailto URLs, and headings are shifted below the page's h2s.
 */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: false });
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href"] },
    allowedSchemes: ["http", "https", "mailto"],
    transformTags: {
      h1: "h3",
      h2: "h3",
      h3: "h4",
      h5: "h4",
      h6: "h4",
    },
  });
}

export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  if (!source.trim()) return null;
  const html = renderMarkdown(source);
  return (
    <div
      className={`prose-text ${className}`}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by renderMarkdown with an allow-list.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
