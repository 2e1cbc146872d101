import { formatMoneyCents, formatPercent } from "@/lib/format";

/** Granted so far against the call's envelope; the figures say it, the bar only repeats them. */
export function EnvelopeMeter({
  envelopeCents,
  grantedCents,
  acceptedCount,
  callTitle,
}: {
  envelopeCents: number;
  grantedCents: number;
  acceptedCount: number;
  callTitle?: string;
}) {
  const ratio = envelopeCents > 0 ? grantedCents / envelopeCents : 0;
  const over = grantedCents > envelopeCents;
  return (
    <section
      aria-labelledby="enveloppe"
      className="border border-grey-200 bg-white p-4"
      data-testid="envelope-meter"
    >
      <h2 id="enveloppe" className="text-lg font-bold">
        Enveloppe{callTitle ? ` de l’appel «\u00a0${callTitle}\u00a0»` : ""}
      </h2>
      <p className="mt-1">
        <strong data-testid="envelope-granted">{formatMoneyCents(grantedCents)}</strong> accordés sur{" "}
        {formatMoneyCents(envelopeCents)} ({formatPercent(ratio)}), {acceptedCount} dossier
        {acceptedCount > 1 ? "s" : ""} accepté{acceptedCount > 1 ? "s" : ""}&nbsp;; reste{" "}
        <strong>{formatMoneyCents(envelopeCents - grantedCents)}</strong>.
        {over ? " L’enveloppe est dépassée." : ""}
      </p>
      <meter
        className="mt-2 h-4 w-full"
        min={0}
        max={Math.max(envelopeCents, 1)}
        high={Math.max(envelopeCents, 1) * 0.9}
        value={Math.min(grantedCents, Math.max(envelopeCents, 1))}
        aria-label="Part de l’enveloppe déjà accordée"
      />
    </section>
  );
}
