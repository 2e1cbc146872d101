import { getCurrentUser } from "@/lib/auth/current-user";
import { spacesOf } from "@/lib/auth/spaces";

/**
 * Who is signed in and which spaces they may open, for the header menu. Public
 * pages stay the same for everyone (and so cacheable); the menu asks here.
 */
export async function GET() {
  const user = await getCurrentUser();
  return Response.json(
    user ? { user: { name: user.name ?? user.email }, spaces: spacesOf(user) } : { user: null, spaces: [] },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
