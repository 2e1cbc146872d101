"use client";

import Link from "next/link";
import { useEffect } from "react";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { ErrorPage } from "@/components/ui/error-page";

/**
 * Unexpected errors: a French message, never the error's own text (it may
 * contain database details); the digest lets support find the server log.
 */
export default function UnexpectedError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <ErrorPage
      code="Erreur inattendue"
      title="Le service rencontre un problème"
      lead="Une erreur inattendue s’est produite. Vous pouvez réessayer dans quelques instants."
      actions={
        <>
          <button type="button" onClick={() => retry()} className={primaryButtonClass}>
            Réessayer
          </button>
          <Link href="/" className={secondaryButtonClass}>
            Retourner à l’accueil
          </Link>
        </>
      }
    >
      <p>
        Si le problème persiste, contactez-nous en indiquant l’heure de l’erreur
        {digest ? (
          <>
            {" "}
            et sa référence&nbsp;: <code className="bg-grey-50 px-1">{digest}</code>
          </>
        ) : null}
        .
      </p>
    </ErrorPage>
  );
}
