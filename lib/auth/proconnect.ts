import "server-only";
import { and, eq } from "drizzle-orm";
import type { OIDCConfig } from "next-auth/providers";
import type { Database } from "@/db/client";
import { memberships, organisations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { ProConnectSettings } from "./config";

/** Claims of ProConnect's userinfo (a signed JWT). There is no `name` claim. */
export type ProConnectProfile = {
  sub: string;
  email: string;
  given_name?: string;
  usual_name?: string;
  uid?: string;
  siret?: string;
  idp_id?: string;
  organization_label?: string;
};

type Tx = Pick<Database, "select" | "insert" | "update">;

/** SIREN of a SIRET (its first 9 digits), or null when the claim is not a SIRET. */
export function sirenOfSiret(siret: string | undefined | null) {
  const digits = (siret ?? "").replace(/\s+/g, "");
  return /^[0-9]{14}$/.test(digits) ? digits.slice(0, 9) : null;
}

export function displayName(profile: Pick<ProConnectProfile, "given_name" | "usual_name">) {
  return [profile.given_name, profile.usual_name].filter(Boolean).join(" ") || null;
}

/**
 * ProConnect (the French state's OIDC federation for public agents): issuer
 * `https://<domain>/api/v2`, state and nonce, client_secret_post, claims read
 * from the signed userinfo JWT (`idToken: false`), eIDAS 1 requested.
 */
export function proConnectProvider(settings: ProConnectSettings): OIDCConfig<ProConnectProfile> {
  return {
    id: "proconnect",
    name: "ProConnect",
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ["state", "nonce"],
    idToken: false,
    client: {
      token_endpoint_auth_method: "client_secret_post",
      userinfo_signed_response_alg: "RS256",
    },
    authorization: {
      params: {
        scope: "openid email given_name usual_name uid siret idp_id organization_label",
        acr_values: "eidas1",
        // An object: Auth.js serialises `claims` itself (a string would be encoded twice and refused).
        claims: { id_token: { amr: { essential: true } } },
      },
    },
    profile(profile) {
      return {
        id: profile.sub,
        email: profile.email,
        name: displayName(profile),
        givenName: profile.given_name ?? null,
        usualName: profile.usual_name ?? null,
      };
    },
  };
}

/**
 * After a ProConnect sign-in, attach the agent to the organisation of their
 * SIRET (SIREN = first 9 digits, matched against the official list). The
 * state vouches for the link, so the membership is active at once; the first
 * member of an organisation becomes its manager.
 */
export async function attachProConnectOrganisation(tx: Tx, userId: string, profile: ProConnectProfile) {
  const siren = sirenOfSiret(profile.siret);
  if (!siren) return null;
  const [organisation] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.siren, siren));
  if (!organisation) return null;
  const [existing] = await tx
    .select({ id: memberships.id, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisation.id)));
  if (existing?.status === "active") return organisation.id;
  const managers = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisation.id),
        eq(memberships.status, "active"),
        eq(memberships.role, "manager"),
      ),
    )
    .limit(1);
  const role = managers.length === 0 ? "manager" : "member";
  if (existing) {
    await tx
      .update(memberships)
      .set({ status: "active", confirmedAt: new Date() })
      .where(eq(memberships.id, existing.id));
  } else {
    await tx
      .insert(memberships)
      .values({ userId, organisationId: organisation.id, role, status: "active", confirmedAt: new Date() });
  }
  await recordAudit(tx, {
    actorId: userId,
    action: "membership.attached_by_siret",
    subjectType: "organisation",
    subjectId: String(organisation.id),
    data: { siren, role },
  });
  return organisation.id;
}
