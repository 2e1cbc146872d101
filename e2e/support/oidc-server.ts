/**
 * A real OpenID Connect server standing in for ProConnect in the e2e run
 * (started by playwright.config.ts: `npx tsx e2e/support/oidc-server.ts`).
 *
 * Built with `oidc-provider` and configured like ProConnect: one confidential
 * client authenticating with `client_secret_post`, ID token and userinfo
 * signed with RS256 (userinfo is a signed JWT), ProConnect's claims each
 * behind its own scope (`given_name`, `usual_name`, `email`, `uid`, `siret`,
 * `idp_id`, `organization_label`; no `name`), `acr_values=eidas1`, the
 * `claims` request parameter, and RP-initiated logout (end_session_endpoint).
 *
 * One test agent exists. The login page has a single « Se connecter » button
 * that signs them in (no password); consent is automatic, as at ProConnect.
 * The logout confirmation submits itself.
 *
 * Plain http on loopback: the issuer is `http://127.0.0.1:<OIDC_PORT>` and its
 * cookies are not `secure`.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { realpathSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import type Provider from "oidc-provider";
import type { Configuration, KoaContextWithOIDC } from "oidc-provider";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ISSUER, OIDC_PORT } from "./ports";

/** The agent the server signs in: a civil servant of the Ville de Thiers (SIREN 216304303). */
export const PROCONNECT_AGENT = {
  sub: "agent-thiers-proconnect",
  email: "claire.martin@ville-thiers.example",
  given_name: "Claire",
  usual_name: "Martin",
  uid: "claire.martin",
  siret: "21630430300017",
  idp_id: "e2e-fournisseur-identite-thiers",
  organization_label: "Commune de Thiers",
} as const;

/** ProConnect's claims, each requested through the scope of the same name. */
const PROCONNECT_CLAIMS = [
  "email",
  "given_name",
  "usual_name",
  "uid",
  "siret",
  "idp_id",
  "organization_label",
] as const;

function escapeHtml(value: string) {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

function page(title: string, body: string) {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ProConnect (serveur de test)</title>
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#161616}
button{font:inherit;font-weight:700;padding:.5rem 1.5rem;background:#000091;color:#fff;border:0;cursor:pointer}
</style>
</head>
<body>
<main>
<p>ProConnect — serveur OpenID Connect de test</p>
${body}
</main>
</body>
</html>`;
}

function configuration(baseUrl: string): Configuration {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: "e2e-rs256", use: "sig", alg: "RS256" };

  return {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        client_name: "Coopération décentralisée (e2e)",
        token_endpoint_auth_method: "client_secret_post",
        grant_types: ["authorization_code"],
        response_types: ["code"],
        redirect_uris: [`${baseUrl}/api/auth/callback/proconnect`],
        post_logout_redirect_uris: [`${baseUrl}/`],
        id_token_signed_response_alg: "RS256",
        userinfo_signed_response_alg: "RS256",
      },
    ],
    jwks: { keys: [signingKey] },
    // Each ProConnect claim is its own scope; amr can be asked through the claims parameter.
    scopes: ["openid", ...PROCONNECT_CLAIMS],
    claims: {
      openid: ["sub"],
      ...Object.fromEntries(PROCONNECT_CLAIMS.map((claim) => [claim, [claim]])),
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      iss: null,
    },
    acrValues: ["eidas1"],
    clientAuthMethods: ["client_secret_post"],
    responseTypes: ["code"],
    pkce: { required: () => false },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      userinfo: { enabled: true },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          // ProConnect does not ask: the confirmation submits itself (the button is there without JavaScript).
          ctx.type = "html";
          ctx.body = page(
            "Déconnexion",
            `<h1>Déconnexion</h1>
${form}
<input type="hidden" name="logout" value="yes" form="op.logoutForm">
<button type="submit" form="op.logoutForm">Se déconnecter</button>
<script>document.getElementById("op.logoutForm").submit();</script>`,
          );
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = "html";
          ctx.body = page("Déconnecté", "<h1>Vous êtes déconnecté de ProConnect.</h1>");
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      if (id !== PROCONNECT_AGENT.sub) return undefined;
      return { accountId: id, claims: () => ({ ...PROCONNECT_AGENT }) };
    },
    // Automatic consent (ProConnect asks none): every requested scope and claim is granted.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { oidc } = ctx;
      const client = oidc.client;
      const accountId = oidc.session?.accountId;
      if (!client || !accountId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(client.clientId);
      const grant =
        (grantId ? await oidc.provider.Grant.find(grantId) : undefined) ??
        new oidc.provider.Grant({ clientId: client.clientId, accountId });
      grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(" "));
      grant.addOIDCClaims([...oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = page(
        "Erreur",
        `<h1>Erreur</h1><dl>${Object.entries(out)
          .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(String(value))}</dd>`)
          .join("")}</dl>`,
      );
    },
  };
}

async function readForm(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** The login interaction: one button signs the test agent in, at eIDAS level 1. */
async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse, path: string) {
  const [, , uid, action] = path.split("/");
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error("interaction mismatch");

  if (req.method === "POST" && action === "login") {
    await readForm(req);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: PROCONNECT_AGENT.sub, acr: "eidas1", amr: ["pwd"], remember: true } },
      { mergeWithLastSubmission: false },
    );
    return;
  }

  if (req.method === "GET" && action === undefined && details.prompt.name === "login") {
    const agent = `${PROCONNECT_AGENT.given_name} ${PROCONNECT_AGENT.usual_name}`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(
      page(
        "Connexion",
        `<h1>Connexion</h1>
<p>Vous allez vous connecter en tant que ${escapeHtml(agent)} (${escapeHtml(PROCONNECT_AGENT.email)}),
${escapeHtml(PROCONNECT_AGENT.organization_label)}, SIRET ${escapeHtml(PROCONNECT_AGENT.siret)}.</p>
<form method="post" action="/interaction/${escapeHtml(details.uid)}/login">
<button type="submit">Se connecter</button>
</form>`,
      ),
    );
    return;
  }

  res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
  res.end(`unexpected interaction: ${req.method} ${path} (${details.prompt.name})`);
}

export async function startOidcServer(port = OIDC_PORT) {
  // Loaded here, not at the top: the specs import PROCONNECT_AGENT without loading the server.
  const { default: Provider } = await import("oidc-provider");
  const issuer = port === OIDC_PORT ? OIDC_ISSUER : `http://127.0.0.1:${port}`;
  const baseUrl = (process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100").replace(/\/$/, "");
  const provider = new Provider(issuer, configuration(baseUrl));
  provider.on("server_error", (_ctx, error) => console.error("[oidc] server error", error));
  // Refusals are the interesting part of a failed run: print why (stderr reaches Playwright's output).
  const refused = (event: string) => (_ctx: unknown, error: Error & { error_detail?: string }) =>
    console.error(`[oidc] ${event}: ${error.message} ${error.error_detail ?? ""}`);
  provider.on("authorization.error", refused("authorization"));
  provider.on("grant.error", refused("token"));
  provider.on("userinfo.error", refused("userinfo"));
  provider.on("end_session.error", refused("end_session"));
  const handle = provider.callback();

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    if (path.startsWith("/interaction/")) {
      interaction(provider, req, res, path).catch((error: unknown) => {
        console.error("[oidc] interaction failed", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("interaction failed");
      });
      return;
    }
    handle(req, res);
  });
  server.listen(port, "127.0.0.1", () => {
    console.log(`[oidc] ${issuer} ready (client ${OIDC_CLIENT_ID}, redirect to ${baseUrl})`);
  });
  return server;
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;

if (isMain) {
  startOidcServer().then(
    (server) => {
      const stop = () => {
        server.close(() => process.exit(0));
        server.closeAllConnections();
      };
      process.on("SIGTERM", stop);
      process.on("SIGINT", stop);
    },
    (error: unknown) => {
      console.error("[oidc] could not start", error);
      process.exit(1);
    },
  );
}
