/**
 * Next refuses a server action's body over its limit (1 MB, the default of
 * `experimental.serverActions.bodySizeLimit`, which next.config.ts keeps)
 * before the action runs: the action cannot answer, and the browser only gets
 * a generic failure. The forms that carry long texts check the size first
 * and say, in French, at the field, that the content is too large; nothing is
 * sent, so nothing already saved is lost.
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** What the multipart encoding adds per field (boundary, headers): generous, so a body near the limit is refused here. */
const PER_FIELD_OVERHEAD = 200;

export const CONTENT_TOO_LARGE =
  "Le contenu est trop volumineux pour être enregistré (plus de 1\u00a0Mo)\u00a0: raccourcissez le texte, puis enregistrez de nouveau.";

/** Bytes of a form's body as the browser sends it (UTF-8 texts, files by size), with the encoding's overhead. */
export function formDataBytes(data: FormData): number {
  const encoder = new TextEncoder();
  let total = 0;
  for (const [name, value] of data.entries()) {
    total += encoder.encode(name).byteLength + PER_FIELD_OVERHEAD;
    total += typeof value === "string" ? encoder.encode(value).byteLength : value.size;
  }
  return total;
}

/** Whether Next would refuse this body before the action runs. */
export function exceedsActionLimit(data: FormData): boolean {
  return formDataBytes(data) > ACTION_BODY_LIMIT_BYTES;
}
