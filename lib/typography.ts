/**
 * French typography of interface text: a no-break space (U+00A0, or the
 * narrow U+202F) goes before « : », « ; », « ! », « ? » and inside « »
 * guillemets, so that a line never breaks before the sign and the spacing is
 * the one French readers expect. The interface writes U+00A0 (`\u00a0` in
 * strings, `&nbsp;` in JSX).
 */

export const NBSP = "\u00a0";

/** Stands for a value inserted in a text (`${…}` of a template): it may be, or start with, a no-break space. */
export const SUBSTITUTION = "\ufffc";

const NO_BREAK = /[\u00a0\u202f\ufffc]/;

export type SpacingProblem = { index: number; message: string };

/**
 * The places in a French text where a sign lacks its no-break space. A sign
 * directly after a letter counts only when it ends a word (followed by a space
 * or the end) in a text of several words, and never for « ; », so that
 * « 10:30 », « https:// », « ?page=2 » or « text/csv; charset=utf-8 » are
 * not taken for punctuation; a sign after a line break is JSX layout, not
 * text.
 */
export function frenchSpacingProblems(text: string): SpacingProblem[] {
  const problems: SpacingProblem[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const before = text[i - 1];
    const after = text[i + 1];
    if (c === ":" || c === ";" || c === "!" || c === "?") {
      // Doubled signs (« ?? », « :: »), ellipses of signs and the like are code, not prose.
      if (before === c || after === c) continue;
      const endsWord = after === undefined || /[\s\u00a0\u202f\ufffc»)"’.,]/.test(after);
      if (before === " ") {
        // « a : b » or « a :» — the sign is used as punctuation.
        if (endsWord && !/\n\s*$/.test(text.slice(0, i))) {
          problems.push({ index: i, message: `espace ordinaire avant « ${c} »` });
        }
      } else if (c !== ";" && before !== undefined && /\p{L}/u.test(before) && endsWord && /\s/.test(text)) {
        problems.push({ index: i, message: `pas d’espace avant « ${c} »` });
      }
    } else if (c === "«") {
      if (after === undefined || !NO_BREAK.test(after)) {
        problems.push({ index: i, message: "pas d’espace insécable après « « »" });
      }
    } else if (c === "»") {
      if (before === undefined || !NO_BREAK.test(before)) {
        problems.push({ index: i, message: "pas d’espace insécable avant « » »" });
      }
    }
  }
  return problems;
}
