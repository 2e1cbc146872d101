import "server-only";
/**
 * Images of follow-up pages: type checked on the content (PNG, JPEG, WebP),
 * size limited, resized with sharp (metadata such as GPS position dropped),
 * stored in the file store of lib/files, and described by a required
 * alternative text.
 */
import { createHash, randomUUID } from "node:crypto";
import sharp from "sharp";
import type { Database } from "@/db/client";
import { attachments } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { nameForType } from "@/lib/files/magic";
import { getFileStore, safeDisplayName } from "@/lib/files/store";

/** Largest image accepted before resizing: 5 MB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Images wider than this are scaled down (pages are at most ~48 rem wide; twice that for sharp screens). */
export const MAX_IMAGE_WIDTH = 1600;
/** Guard against decompression bombs: refuse more pixels than a 50-megapixel photo. */
const MAX_INPUT_PIXELS = 50_000_000;

export type ImageType = "image/png" | "image/jpeg" | "image/webp";

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/** The image type the bytes show (magic numbers), never the name or the browser's claim. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return "image/webp";
  }
  return null;
}

export function validateAltText(value: unknown): string | null {
  const text = typeof value === "string" ? value.trim() : "";
  return text.length >= 3 && text.length <= 300 ? text : null;
}

/** Scales down (never up), applies the EXIF orientation, strips metadata, keeps the format. */
export async function resizeImage(bytes: Uint8Array, type: ImageType) {
  const pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
    .rotate()
    .resize({ width: MAX_IMAGE_WIDTH, withoutEnlargement: true });
  const encoded =
    type === "image/png"
      ? pipeline.png({ compressionLevel: 9 })
      : type === "image/webp"
        ? pipeline.webp({ quality: 82 })
        : pipeline.jpeg({ quality: 82, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), width: info.width, height: info.height };
}

export type ImageOutcome =
  | { ok: true; image: { id: string; altText: string; width: number; height: number; sizeBytes: number } }
  | { ok: false; status: number; message: string };

export async function storeFollowupImage(
  db: Database,
  input: {
    post: { id: string; applicationId: string | null; networkId: string };
    userId: string;
    fileName: string;
    altText: string;
    bytes: Uint8Array;
  },
): Promise<ImageOutcome> {
  if (input.bytes.byteLength === 0) return { ok: false, status: 422, message: "Le fichier est vide." };
  if (input.bytes.byteLength > MAX_IMAGE_BYTES) {
    return { ok: false, status: 413, message: "L’image dépasse la taille maximale de 5 Mo." };
  }
  const type = detectImageType(input.bytes);
  if (!type) {
    return { ok: false, status: 415, message: "Ce fichier n’est pas une image PNG, JPEG ou WebP." };
  }
  let resized: Awaited<ReturnType<typeof resizeImage>>;
  try {
    resized = await resizeImage(input.bytes, type);
  } catch {
    return {
      ok: false,
      status: 422,
      message: "Cette image est illisible ou trop grande (50 mégapixels au plus).",
    };
  }
  const key = `followup/${input.post.id}/${randomUUID()}`;
  const store = getFileStore();
  await store.put(key, resized.bytes);
  const sha256 = createHash("sha256").update(resized.bytes).digest("hex");
  try {
    const row = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(attachments)
        .values({
          applicationId: input.post.applicationId,
          followupPostId: input.post.id,
          originalName: nameForType(safeDisplayName(input.fileName), type),
          storageKey: key,
          contentType: type,
          sizeBytes: resized.bytes.byteLength,
          sha256,
          altText: input.altText,
          uploadedBy: input.userId,
        })
        .returning({ id: attachments.id });
      if (!inserted) throw new Error("insert returned nothing");
      await recordAudit(tx, {
        actorId: input.userId,
        action: "followup_post.image_uploaded",
        subjectType: "followup_post",
        subjectId: input.post.id,
        data: { attachmentId: inserted.id, sha256, sizeBytes: resized.bytes.byteLength },
      });
      return inserted;
    });
    return {
      ok: true,
      image: {
        id: row.id,
        altText: input.altText,
        width: resized.width,
        height: resized.height,
        sizeBytes: resized.bytes.byteLength,
      },
    };
  } catch (error) {
    await store.delete(key).catch(() => undefined);
    throw error;
  }
}
