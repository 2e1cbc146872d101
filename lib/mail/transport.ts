/**
 * The SMTP transport, configured by the environment:
 * - SMTP_URL: `smtp://user:pass@host:587`, `smtps://…:465` or `smtp://127.0.0.1:2525`.
 *   Unset (the demo), nothing is sent: e-mails stay in the outbox, where the
 *   admin mailbox page shows them.
 * - MAIL_FROM: the sender, by default DEFAULT_MAIL_FROM.
 */
import { createTransport, type SendMailOptions } from "nodemailer";

export const DEFAULT_MAIL_FROM = "Coopération décentralisée <ne-pas-repondre@cooperation.example>";

/** What the sender needs of a transport (a nodemailer transporter has it). */
export type MailTransport = {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close?(): void;
};

type Env = Record<string, string | undefined>;

/** Whether e-mails are really sent (SMTP_URL is set). */
export function smtpConfigured(env: Env = process.env): boolean {
  return Boolean(env.SMTP_URL?.trim());
}

/** The From of every e-mail. */
export function mailFrom(env: Env = process.env): string {
  return env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
}

/**
 * A nodemailer SMTP transport on SMTP_URL. Timeouts are well below the
 * sender's lease (2 min), so that a hung server cannot keep an e-mail claimed
 * until another node takes it over and sends it a second time.
 */
export function createTransportFromEnv(env: Env = process.env) {
  const url = env.SMTP_URL?.trim();
  if (!url) throw new Error("SMTP_URL is not set: e-mails stay in the outbox.");
  return createTransport({
    url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}
