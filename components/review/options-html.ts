/**
 * A `<select>`'s options as one HTML string, for long lists rendered on every
 * request (the dashboard's filters: 293 options at national scale). React renders
 * and serialises each `<option>` element twice per page (the HTML and the RSC
 * payload); one string per list costs a fraction of that (docs/performance.md).
 * Values and labels come from the database: everything is escaped.
 */
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** `all` is the first, empty-valued option (« Tous »), or null for none; `selected` marks one value. */
export function optionsHtml(
  items: readonly { value: string; label: string }[],
  selected: string | undefined,
  all: string | null,
): string {
  let html = all === null ? "" : `<option value="">${escapeHtml(all)}</option>`;
  for (const item of items) {
    html += `<option value="${escapeHtml(item.value)}"${item.value === selected ? " selected" : ""}>${escapeHtml(item.label)}</option>`;
  }
  return html;
}
