import type { ReactNode, Ref } from "react";

export type AlertTone = "error" | "success" | "info" | "warning";

// Whole class names, so that the stylesheet's clean-up (postcss.config.mjs) finds them in the code.
const TONES: Record<AlertTone, string> = {
  error: "fr-alert--error",
  success: "fr-alert--success",
  info: "fr-alert--info",
  warning: "fr-alert--warning",
};

/**
 * A message of the design system's alert (DSFR `fr-alert`): a refusal, a
 * confirmation or a piece of information, with the tone's icon and colour
 * (never the colour alone). A refusal is announced at once (`role="alert"`),
 * the others politely (`role="status"`). Without a title it is the small alert
 * (one paragraph); with one, the title heads the content (lists, several
 * paragraphs).
 */
export function Alert({
  tone,
  title,
  children,
  id,
  className = "",
  ref,
  focusable = false,
  testId,
  blocks = false,
  announce = true,
}: {
  tone: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  id?: string;
  className?: string;
  ref?: Ref<HTMLDivElement>;
  /** The message receives the focus after a submission (keyboard and screen-reader users land on it). */
  focusable?: boolean;
  testId?: string;
  /** The content is already paragraphs (several of them, or a list), not one line of text. */
  blocks?: boolean;
  /**
   * A message that answers what the reader just did is announced (a live region). A note that is part
   * of the page from the start (« the grid is locked ») is not: `announce={false}`.
   */
  announce?: boolean;
}) {
  return (
    <div
      ref={ref}
      id={id}
      role={announce ? (tone === "error" ? "alert" : "status") : undefined}
      tabIndex={focusable ? -1 : undefined}
      data-testid={testId}
      className={`fr-alert ${TONES[tone]} ${title ? "" : "fr-alert--sm"} ${className}`}
    >
      {title ? (
        <>
          <p className="fr-alert__title">{title}</p>
          {children}
        </>
      ) : blocks ? (
        children
      ) : (
        <p>{children}</p>
      )}
    </div>
  );
}
