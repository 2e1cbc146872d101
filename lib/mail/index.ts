export { retryDelayMs } from "./backoff";
export { escapeHtml } from "./html";
export { enqueueEmail, type OutboxEmail, type OutboxWriter } from "./outbox";
export {
  type DeliveryOptions,
  type DeliveryResult,
  deliverDueEmails,
  startMailSender,
  wakeMailSender,
} from "./sender";
export * from "./templates";
export {
  createTransportFromEnv,
  DEFAULT_MAIL_FROM,
  type MailTransport,
  mailFrom,
  smtpConfigured,
} from "./transport";
