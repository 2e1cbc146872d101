import { runRoute } from "@/lib/actions/route";
import { getCurrentUser } from "@/lib/auth/current-user";
import { spacesOf } from "@/lib/auth/spaces";

const noStore = { "Cache-Control": "private, no-store" };

/**
 * Who is signed in and which spaces they may open, for the header menu. Public
 * pages stay the same for everyone (and so cacheable); the menu asks here.
 * Anonymous for the route helper: a signed-out visitor is an answer, not a refusal.
 */
export async function GET(request: Request) {
  return runRoute(request, {
    name: "GET /api/me",
    anonymous: true,
    access: () => getCurrentUser(),
    run: ({ resource: user }) =>
      Response.json(
        user
          ? { user: { name: user.name ?? user.email }, spaces: spacesOf(user) }
          : { user: null, spaces: [] },
        { headers: noStore },
      ),
    failed: () => Response.json({ user: null, spaces: [] }, { status: 500, headers: noStore }),
  });
}
