import { expect } from "@playwright/test";
import { SMTP_SINK_HTTP_PORT } from "./ports";

type Received = { to: string[]; subject: string; text: string };

/** Messages the e2e SMTP server received for an address. */
export async function receivedBy(address: string): Promise<Received[]> {
  const response = await fetch(
    `http://127.0.0.1:${SMTP_SINK_HTTP_PORT}/messages?to=${encodeURIComponent(address)}`,
  );
  return (await response.json()) as Received[];
}

/** Waits (polling, no fixed sleep) until `count` messages have reached the address; returns them. */
export async function waitForMessages(address: string, count = 1) {
  await expect
    .poll(async () => (await receivedBy(address)).length, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(count);
  return receivedBy(address);
}

/** The sign-in link inside a sign-in e-mail. */
export function signInLink(text: string) {
  const match = text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\?\S+/);
  if (!match) throw new Error(`no sign-in link in: ${text.slice(0, 500)}`);
  return match[0];
}

/** Makes the e2e SMTP server refuse (550) or accept again an address. */
export async function refuseMailTo(address: string, refuse = true) {
  await fetch(`http://127.0.0.1:${SMTP_SINK_HTTP_PORT}/refuse?to=${encodeURIComponent(address)}`, {
    method: refuse ? "POST" : "DELETE",
  });
}
