import { randomBytes } from "node:crypto";
import { absoluteUrl } from "@/lib/public/site-url";
import { proConnectSettings } from "./config";

let discovered: { issuer: string; endSession: string | null } | undefined;

/** ProConnect's end_session_endpoint, from its discovery document (cached per process). */
async function endSessionEndpoint() {
  const settings = proConnectSettings();
  if (!settings) return null;
  if (discovered?.issuer !== settings.issuer) {
    const response = await fetch(`${settings.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`);
    const document = (await response.json()) as { end_session_endpoint?: string };
    discovered = { issuer: settings.issuer, endSession: document.end_session_endpoint ?? null };
  }
  return discovered.endSession;
}

/** Where to send the browser so that ProConnect ends its session too, then comes back home. */
export async function endSessionUrl(idToken: string) {
  const endpoint = await endSessionEndpoint().catch(() => null);
  if (!endpoint) return null;
  const url = new URL(endpoint);
  url.searchParams.set("id_token_hint", idToken);
  url.searchParams.set("state", randomBytes(16).toString("hex"));
  url.searchParams.set("post_logout_redirect_uri", absoluteUrl("/"));
  return url.toString();
}
