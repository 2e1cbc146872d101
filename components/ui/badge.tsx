import type { ReactNode } from "react";

export type BadgeTone = "info" | "success" | "warning" | "neutral" | "new";

/** The DSFR's system badges (their icon repeats the tone); « neutral » is the plain grey badge. */
const TONES: Record<BadgeTone, string> = {
  info: "fr-badge--info",
  success: "fr-badge--success",
  warning: "fr-badge--warning",
  neutral: "",
  new: "fr-badge--new",
};

/** A short status label, as a DSFR badge: the text says it all, the colour and the icon only repeat it. */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`fr-badge fr-badge--sm ${TONES[tone]}`}>{children}</span>;
}
