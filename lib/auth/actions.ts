"use server";

import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { accounts, sessions, users } from "@/db/schema";
import { runAction } from "@/lib/actions/pipeline";
import { recordAudit } from "@/lib/audit";
import { canUseDemoSignIn } from "@/lib/authz/policy";
import { isDemoMode } from "@/lib/demo";
import { requestLog } from "@/lib/log";
import { hit, signInLimits } from "@/lib/rate-limit";
import { type ActionResult, fail } from "@/lib/result";
import { UNKNOWN_ADDRESS } from "@/lib/security/client-address";
import { auth, signIn, signOut } from "./auth";
import { proConnectSettings, SESSION_MAX_AGE_SECONDS, secureCookies, sessionCookieName } from "./config";
import { listPersonas } from "./personas";
import { endSessionUrl } from "./proconnect-logout";
import { clientIp } from "./request";
import { emailSignInSchema, safeCallbackUrl } from "./schema";

const formatTime = (date: Date) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(
    date,
  );

/**
 * Sends a sign-in link. The answer is the same whether the address is known or
 * not (no user enumeration); requests are limited per e-mail address and per
 * client address. Its caller has no session yet: the pipeline's anonymous form.
 */
export async function requestSignInLink(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return runAction(formData, {
    name: "requestSignInLink",
    anonymous: true,
    access: () => undefined,
    input: { schema: emailSignInSchema, read: ["email", "callbackUrl"] },
    run: async ({ input }) => {
      const { email } = input;
      const db = getDb();
      const limits = signInLimits();
      const [perEmail, perAddress] = await Promise.all([
        hit(db, `sign-in:email:${email}`, limits.perEmail),
        hit(db, `sign-in:ip:${await clientIp()}`, limits.perAddress),
      ]);
      if (!perEmail.allowed || !perAddress.allowed) {
        const retryAt = perEmail.allowed ? perAddress.retryAt : perEmail.retryAt;
        return fail(
          "rate_limited",
          `Trop de demandes de lien de connexion. Réessayez à partir de ${formatTime(retryAt)}.`,
        );
      }
      try {
        await signIn("nodemailer", { email, redirectTo: safeCallbackUrl(input.callbackUrl) });
      } catch (error) {
        // signIn redirects to the "check your e-mail" page by throwing; the pipeline lets that through.
        if (error instanceof AuthError) {
          (await requestLog({ action: "requestSignInLink", userId: null })).error(
            { err: error },
            "sign-in link failed",
          );
          return fail(
            "unavailable",
            "Le lien de connexion n'a pas pu être préparé. Réessayez dans un instant.",
          );
        }
        throw error;
      }
      return fail("unreachable", "");
    },
  });
}

/** Starts a ProConnect sign-in (only when it is configured). */
export async function signInWithProConnect(formData: FormData) {
  if (!proConnectSettings()) redirect("/connexion");
  const callbackUrl = safeCallbackUrl(String(formData.get("callbackUrl") ?? ""));
  await signIn("proconnect", { redirectTo: callbackUrl });
}

/**
 * Demo mode only: one-click sign-in as a persona. Creates a database session
 * exactly as Auth.js would, so everything after it is the real path.
 */
export async function signInAsPersona(formData: FormData) {
  // Outside demo mode this action does not exist, as the page that offers it.
  if (!canUseDemoSignIn(await isDemoMode())) notFound();
  const key = String(formData.get("persona") ?? "");
  const persona = (await listPersonas()).find((p) => p.key === key);
  if (!persona) redirect("/connexion");
  const db = getDb();
  // Counted with the e-mailed links: one client address, one budget of sign-ins.
  const address = await clientIp();
  const perAddress = await hit(db, `sign-in:ip:${address}`, signInLimits().perAddress);
  if (!perAddress.allowed)
    redirect(`/connexion?limite=${encodeURIComponent(formatTime(perAddress.retryAt))}`);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.personaKey, key));
  if (!user) redirect("/connexion");
  const sessionToken = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({ sessionToken, userId: user.id, expires });
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorId: user.id,
      action: "auth.sign_in",
      subjectType: "user",
      subjectId: user.id,
      data: { provider: "demo-persona", persona: key },
      ip: address === UNKNOWN_ADDRESS ? null : address,
    });
  });
  (await cookies()).set(sessionCookieName(), sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    expires,
  });
  redirect(persona.home);
}

/** Signs out; a ProConnect session is ended at ProConnect too. */
export async function signOutAction() {
  const session = await auth();
  const userId = session?.user?.id;
  let logoutUrl: string | null = null;
  if (userId && proConnectSettings()) {
    const [account] = await getDb()
      .select({ idToken: accounts.id_token })
      .from(accounts)
      .where(and(eq(accounts.userId, userId), eq(accounts.provider, "proconnect")));
    if (account?.idToken) logoutUrl = await endSessionUrl(account.idToken);
  }
  await signOut({ redirect: false });
  redirect(logoutUrl ?? "/");
}
