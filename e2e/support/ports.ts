/** Fixed loopback ports of the peers the e2e run starts (see playwright.config.ts). */
export const SMTP_SINK_PORT = Number(process.env.SMTP_SINK_PORT ?? 3925);
export const SMTP_SINK_HTTP_PORT = Number(process.env.SMTP_SINK_HTTP_PORT ?? 3926);
export const OIDC_PORT = Number(process.env.OIDC_PORT ?? 3901);
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = "cooperation-e2e";
export const OIDC_CLIENT_SECRET = "e2e-client-secret-not-for-production-0123456789";
