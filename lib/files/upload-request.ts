import "server-only";
import { getDb } from "@/db/client";
import { hit, uploadLimit } from "@/lib/rate-limit";
import { addressKey } from "@/lib/security/client-address";

/**
 * The part every upload route handler shares: JSON answers that no cache
 * keeps, the size refused before the body is read, and a multipart body that
 * cannot be parsed answered in French. Who may upload stays in each route,
 * next to its policy predicate.
 */
const noStore = { "Cache-Control": "private, no-store" };

export function uploadAnswer(status: number, body: unknown) {
  return Response.json(body, { status, headers: noStore });
}

/** The multipart form, or the answer to send when it is too large or unreadable. */
export async function readUploadForm(
  request: Request,
  maxBytes: number,
  messages: { tooLarge: string; unreadable: string },
): Promise<{ form: FormData } | { refusal: Response }> {
  // Multipart overhead (boundaries, other fields) is allowed on top of the file.
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBytes + 64 * 1024) return { refusal: uploadAnswer(413, { message: messages.tooLarge }) };
  try {
    return { form: await request.formData() };
  } catch {
    return { refusal: uploadAnswer(400, { message: messages.unreadable }) };
  }
}

const parisTime = (date: Date) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(
    date,
  );

/**
 * Counts an upload against the client's address (the same rule as every limit,
 * lib/security/client-address.ts); the 429 answer to send past the limit, else null.
 */
export async function uploadRefusedByRateLimit(request: Request) {
  const limit = await hit(getDb(), `upload:address:${addressKey(request.headers)}`, uploadLimit());
  if (limit.allowed) return null;
  return uploadAnswer(429, {
    message: `Trop d’envois de fichiers depuis votre connexion\u00a0: réessayez à partir de ${parisTime(limit.retryAt)}.`,
  });
}
