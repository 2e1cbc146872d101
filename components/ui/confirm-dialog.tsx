"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * A confirmation in a modal window drawn as the design system's modal (DSFR
 * modal body, header, title and footer), on the browser's own modal
 * `<dialog>`: it opens as soon as `open` is true (the server's restatement of
 * what is about to be recorded), keeps the focus inside until it is answered,
 * and Escape or « Fermer » go back to the form without recording anything.
 * Its buttons stay in the form that holds it, so « Confirmer » submits that
 * form. The DSFR's own modal script is not used: it opens from a button, and
 * here the server's answer opens it.
 */
export function ConfirmDialog({
  open,
  titleId,
  title,
  children,
  actions,
  onCancel,
  testId,
}: {
  open: boolean;
  titleId: string;
  title: ReactNode;
  children?: ReactNode;
  /** The footer's buttons, the confirming one first. */
  actions: ReactNode;
  onCancel: () => void;
  testId?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // The restatement takes the focus, so that a screen reader reads it before the buttons.
      content.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-2xl bg-transparent p-0 backdrop:bg-[hsla(0,0%,9%,0.64)]"
    >
      {open ? (
        <div className="fr-modal__body">
          <div className="fr-modal__header">
            <button type="button" className="fr-btn--close fr-btn" onClick={onCancel}>
              Fermer
            </button>
          </div>
          <div ref={content} tabIndex={-1} className="fr-modal__content" data-testid={testId}>
            <h2 id={titleId} className="fr-modal__title">
              {title}
            </h2>
            {children}
          </div>
          <div className="fr-modal__footer">
            <div className="flex flex-wrap gap-4">{actions}</div>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
