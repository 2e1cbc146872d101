import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { attachments } from "@/db/schema";
import { deny, idParams, runRoute } from "@/lib/actions/route";
import { getCurrentUser } from "@/lib/auth/current-user";
import { canEditFollowupPost } from "@/lib/authz/policy";
import { getFileStore } from "@/lib/files/store";
import { findPost, publicImageVisible } from "@/lib/followup/queries";
import { projectRegionCodes } from "@/lib/networks/queries";
import { GENERIC_ERROR } from "@/lib/result";
import { resourceCsp } from "@/lib/security/csp";

const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"];

const notFound = () =>
  new Response("Image introuvable.", { status: 404, headers: { "Cache-Control": "private, no-store" } });

/**
 * An image of a follow-up page: public once its page is public (cacheable),
 * otherwise only for the editors who may edit the page (its preview). Anonymous
 * for the route helper: the session is asked only for an image not yet public.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return runRoute(request, {
    name: "GET /api/reseaux/images/[id]",
    anonymous: true,
    params: { from: params, schema: idParams, notFound },
    access: async (_anonymous, { id }) => {
      const db = getDb();
      const [image] = await db.select().from(attachments).where(eq(attachments.id, id));
      if (!image?.followupPostId || !IMAGE_TYPES.includes(image.contentType)) deny(notFound());
      if (await publicImageVisible(db, image.followupPostId)) return { image, cache: "public, max-age=300" };
      const user = await getCurrentUser();
      const post = await findPost(db, image.followupPostId);
      if (!user || !post) deny(notFound());
      const projectRegions = post.applicationId ? await projectRegionCodes(db, post.applicationId) : null;
      if (!canEditFollowupPost(user, { networkId: post.networkId, projectRegionCodes: projectRegions }))
        deny(notFound());
      return { image, cache: "private, no-store" };
    },
    run: async ({ resource: { image, cache } }) => {
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
    },
    failed: () =>
      new Response(GENERIC_ERROR, { status: 500, headers: { "Cache-Control": "private, no-store" } }),
  });
}
