import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { attachments } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canEditFollowupPost } from "@/lib/authz/policy";
import { getFileStore } from "@/lib/files/store";
import { findPost, publicImageVisible } from "@/lib/followup/queries";
import { UUID } from "@/lib/ids";
import { projectRegionCodes } from "@/lib/networks/queries";
import { resourceCsp } from "@/lib/security/csp";

const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"];

const notFound = () =>
  new Response("Image introuvable.", { status: 404, headers: { "Cache-Control": "private, no-store" } });

/**
 * An image of a follow-up page: public once its page is public (cacheable),
 * otherwise only for the editors who may edit the page (its preview).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = (await params).id;
  if (!UUID.test(id)) return notFound();
  const db = getDb();
  const [image] = await db.select().from(attachments).where(eq(attachments.id, id));
  if (!image?.followupPostId || !IMAGE_TYPES.includes(image.contentType)) return notFound();
  let cache = "public, max-age=300";
  if (!(await publicImageVisible(db, image.followupPostId))) {
    const user = await getCurrentUser();
    const post = await findPost(db, image.followupPostId);
    if (!user || !post) return notFound();
    const projectRegions = post.applicationId ? await projectRegionCodes(db, post.applicationId) : null;
    if (!canEditFollowupPost(user, { networkId: post.networkId, projectRegionCodes: projectRegions }))
      return notFound();
    cache = "private, no-store";
  }
  const bytes = await getFileStore().get(image.storageKey);
  if (!bytes) return notFound();
  return new Response(Buffer.from(bytes), {
    headers: {
      "Cache-Control": cache,
      "Content-Type": image.contentType,
      "Content-Length": String(bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": resourceCsp(),
    },
  });
}
