import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

/** Path of a follow-up image served by the app; the only image source Markdown may use. */
export const FOLLOWUP_IMAGE_PATH =
  /^\/api\/reseaux\/images\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const TEXT_TAGS = ["p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "h3", "h4", "a", "code"];

export type MarkdownOptions = {
  /** Allow images, only those uploaded to the app (follow-up pages); never a remote URL. */
  images?: boolean;
};

/**
 * Markdown written by staff (call descriptions) or network editors (follow-up
 * pages), rendered to HTML that is safe to inject: the HTML produced by
 * `marked` (which passes raw HTML through) is sanitised with an allow-list.
 * No script, style or iframe survives; no event attribute (`onerror`…); links
 * keep only http(s) and mailto URLs (never `javascript:` nor `data:`);
 * headings are shifted below the page's h2s; images, when allowed, must point
 * at the app's own follow-up images and keep their alternative text.
 */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: false });
  const allowed = {
    allowedTags: options.images ? [...TEXT_TAGS, "img"] : TEXT_TAGS,
    allowedAttributes: { a: ["href"], img: ["src", "alt"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
  };
  const safe = sanitizeHtml(html, {
    ...allowed,
    transformTags: {
      h1: "h3",
      h2: "h3",
      h3: "h4",
      h5: "h4",
      h6: "h4",
    },
    exclusiveFilter: (frame) =>
      frame.tag === "img" &&
      !(FOLLOWUP_IMAGE_PATH.test(frame.attribs.src ?? "") && frame.attribs.alt?.trim()),
  });
  // A link whose address was refused above is left without one: keep its text, drop the <a> (a link
  // that leads nowhere is no link, and the design system draws it as a disabled one).
  return sanitizeHtml(safe, {
    ...allowed,
    transformTags: {
      a: (tagName, attribs) => (attribs.href ? { tagName, attribs } : { tagName: "unlinked", attribs: {} }),
    },
  });
}

/** The image ids a Markdown text refers to (to check they belong to the page). */
export function referencedImageIds(source: string): string[] {
  const ids = new Set<string>();
  for (const match of source.matchAll(/\/api\/reseaux\/images\/([0-9a-f-]{36})/g)) {
    if (match[1]) ids.add(match[1]);
  }
  return [...ids];
}

/** A plain-text excerpt of Markdown (for feeds and cards): tags removed, whitespace collapsed. */
export function markdownExcerpt(source: string, maxLength = 280): string {
  const text = sanitizeHtml(marked.parse(source, { async: false, gfm: true }), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}
