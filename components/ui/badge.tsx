import type { ReactNode } from "react";

export type BadgeTone = "info" | "success" | "warning" | "neutral" | "new";

const TONES: Record<BadgeTone, string> = {
  info: "bg-info-50 text-info",
  success: "bg-success-50 text-success",
  warning: "bg-warning-50 text-warning",
  neutral: "bg-grey-50 text-grey-800 ring-1 ring-grey-300 ring-inset",
  new: "bg-blue-france-100 text-blue-france",
};

/** A short status label; the text says it all, the colour only repeats it. */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-block rounded-sm px-2 py-0.5 text-xs font-bold tracking-wide uppercase ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
