/** Retry timing of the e-mail outbox (pure, unit-tested). */

/** Delay before the first retry. */
export const BASE_RETRY_DELAY_MS = 30_000;
/** No retry waits longer than this. */
export const MAX_RETRY_DELAY_MS = 60 * 60_000;
/** Up to this share of the delay is taken off at random. */
export const RETRY_JITTER_RATIO = 0.2;

/**
 * How long to wait after the `failedAttempts`-th failed attempt (1 for the first):
 * 30 s, 1 min, 2 min, 4 min… capped at 1 h, minus up to 20 % at random so that
 * e-mails that failed together (an SMTP outage) do not all come back at once.
 * The jitter only shortens the delay, so the cap holds. `random` returns [0, 1).
 */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.floor(failedAttempts) - 1);
  // 2 ** exponent is Infinity for huge exponents, which the cap absorbs.
  const base = Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** exponent);
  const jitter = Math.min(1, Math.max(0, random()));
  return Math.round(base * (1 - RETRY_JITTER_RATIO * jitter));
}
