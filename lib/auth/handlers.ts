import type { NextRequest } from "next/server";
import { handlers } from "./auth";

export const { GET } = handlers;

/**
 * Auth.js's POST endpoints, except the e-mail sign-in one: a link is asked for
 * only through the sign-in form's server action (lib/auth/actions.ts), which
 * limits requests per e-mail and per client address and then calls Auth.js
 * in-process. Left open, `POST /api/auth/signin/nodemailer` sent links with no
 * limit at all.
 */
export function POST(request: NextRequest) {
  if (request.nextUrl.pathname.replace(/\/+$/, "").endsWith("/signin/nodemailer")) {
    return new Response("Introuvable.", {
      status: 404,
      headers: { "Cache-Control": "private, no-store", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return handlers.POST(request);
}
