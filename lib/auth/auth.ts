import "server-only";
import { createHash } from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq } from "drizzle-orm";
import NextAuth from "next-auth";
import type { Provider } from "next-auth/providers";
import Nodemailer from "next-auth/providers/nodemailer";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { enqueueEmail } from "@/lib/mail/outbox";
import { wakeMailSender } from "@/lib/mail/sender";
import { signInLinkEmail } from "@/lib/mail/templates";
import { onSiteOrigin } from "@/lib/public/site-url";
import {
  proConnectSettings,
  SESSION_MAX_AGE_SECONDS,
  SIGN_IN_LINK_MAX_AGE_SECONDS,
  secureCookies,
  sessionCookieName,
} from "./config";
import { attachProConnectOrganisation, type ProConnectProfile, proConnectProvider } from "./proconnect";

function providers(): Provider[] {
  const list: Provider[] = [
    Nodemailer({
      // Never used to send directly: the link goes through the outbox (see below).
      server: process.env.SMTP_URL ?? "smtp://127.0.0.1:25",
      maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
      /**
       * Writes the verification token and the e-mail in one transaction: if the
       * e-mail cannot be recorded, no token exists, and the background sender
       * delivers it with retries (nothing is lost while SMTP is down).
       */
      async sendVerificationRequest({ identifier, url, token, expires }) {
        const db = getDb();
        const secret = process.env.AUTH_SECRET ?? "";
        // Same hash as Auth.js' own createVerificationToken (sha256 of token + secret).
        const hashed = createHash("sha256").update(`${token}${secret}`).digest("hex");
        // Auth.js built the link from its request's URL: put it on the configured origin whatever
        // that URL said, so no Host or X-Forwarded-Host header can ever choose where the token goes.
        const link = onSiteOrigin(url);
        const mail = signInLinkEmail({ url: link, host: new URL(link).host });
        await db.transaction(async (tx) => {
          await tx.insert(verificationTokens).values({ identifier, token: hashed, expires });
          await enqueueEmail(tx, { to: identifier, ...mail, template: "sign-in" });
        });
        wakeMailSender();
      },
    }),
  ];
  const proconnect = proConnectSettings();
  if (proconnect) list.push(proConnectProvider(proconnect));
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const adapter = DrizzleAdapter(getDb(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    adapter: {
      ...adapter,
      // The token is written with its e-mail in sendVerificationRequest.
      createVerificationToken: async (token) => token,
    },
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
    // The host is not read from the request: next-auth replaces the request's origin by AUTH_URL,
    // which start-up always sets (lib/public/site-url.ts). "Trusted" only lets Auth.js accept
    // the rewritten URL; AUTH_TRUST_HOST no longer changes anything.
    trustHost: true,
    useSecureCookies: secureCookies(),
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() },
      },
    },
    pages: { signIn: "/connexion", verifyRequest: "/connexion/verifier", error: "/connexion/erreur" },
    providers: providers(),
    callbacks: {
      /**
       * What /api/auth/session and auth() return: the user's id, name and e-mail and the
       * expiry, nothing else. Auth.js hands over the adapter's session row (with the
       * session token, which any script of the origin could then read despite HttpOnly)
       * and the whole user row; roles are read from the database per request (principal.ts).
       */
      session({ session, user }) {
        return {
          user: { id: user.id, name: user.name ?? null, email: user.email },
          expires: session.expires,
        } as typeof session;
      },
    },
    events: {
      async signIn({ user, account, profile }) {
        if (!user.id) return;
        const db = getDb();
        await db.transaction(async (tx) => {
          await tx
            .update(users)
            .set({ lastSignInAt: new Date() })
            .where(eq(users.id, user.id as string));
          if (account?.provider === "proconnect" && profile) {
            await attachProConnectOrganisation(tx, user.id as string, profile as ProConnectProfile);
            // Auth.js stores tokens only at the first sign-in; sign-out needs the latest ID token.
            if (account.id_token) {
              await tx
                .update(accounts)
                .set({
                  id_token: account.id_token,
                  access_token: account.access_token,
                  expires_at: account.expires_at,
                })
                .where(
                  and(
                    eq(accounts.provider, "proconnect"),
                    eq(accounts.providerAccountId, account.providerAccountId),
                  ),
                );
            }
          }
          await recordAudit(tx, {
            actorId: user.id as string,
            action: "auth.sign_in",
            subjectType: "user",
            subjectId: user.id as string,
            data: { provider: account?.provider ?? "unknown" },
          });
        });
      },
      async signOut(message) {
        const userId = "session" in message ? message.session?.userId : undefined;
        if (!userId) return;
        await recordAudit(getDb(), {
          actorId: userId,
          action: "auth.sign_out",
          subjectType: "user",
          subjectId: userId,
        });
      },
    },
  };
});
