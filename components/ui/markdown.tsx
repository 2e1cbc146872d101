import { type MarkdownOptions, renderMarkdown } from "@/lib/markdown/render";

/** Re-exported for callers that need the HTML itself; the renderer and its allow-list live in lib/markdown. */
export { renderMarkdown };

export function Markdown({
  source,
  className = "",
  images = false,
}: {
  source: string;
  className?: string;
  /** Follow-up pages: the app's own uploaded images (see lib/markdown/render.ts). */
  images?: MarkdownOptions["images"];
}) {
  if (!source.trim()) return null;
  const html = renderMarkdown(source, { images });
  return (
    <div
      className={`prose-text ${className}`}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by renderMarkdown with an allow-list.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
