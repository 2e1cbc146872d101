/**
 * Sign-in settings read from the environment, in one place.
 *
 * Sessions are database sessions (Auth.js `strategy: "database"`): a session
 * can be revoked at once (sign-out everywhere, removed account), and the
 * user's roles are read from the database on every request, so removing a
 * role takes effect on the next request.
 */

/** Secure cookies when the public URL is https (production); plain http on a developer's machine. */
export function secureCookies() {
  return (process.env.AUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName() {
  return secureCookies() ? "__Secure-authjs.session-token" : "authjs.session-token";
}

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
export const SIGN_IN_LINK_MAX_AGE_SECONDS = 24 * 60 * 60;

export type ProConnectSettings = { issuer: string; clientId: string; clientSecret: string };

/**
 * ProConnect is offered when PROCONNECT_DOMAIN (or PROCONNECT_ISSUER for a
 * test server), PROCONNECT_CLIENT_ID and PROCONNECT_CLIENT_SECRET are set.
 */
export function proConnectSettings(): ProConnectSettings | null {
  const clientId = process.env.PROCONNECT_CLIENT_ID;
  const clientSecret = process.env.PROCONNECT_CLIENT_SECRET;
  const issuer =
    process.env.PROCONNECT_ISSUER ??
    (process.env.PROCONNECT_DOMAIN ? `https://${process.env.PROCONNECT_DOMAIN}/api/v2` : undefined);
  if (!clientId || !clientSecret || !issuer) return null;
  return { issuer, clientId, clientSecret };
}
