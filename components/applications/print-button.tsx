"use client";

import { secondaryButtonClass } from "@/components/form/field";

export function PrintButton() {
  return (
    <button type="button" className={secondaryButtonClass} onClick={() => window.print()}>
      Imprimer l’accusé de réception
    </button>
  );
}
