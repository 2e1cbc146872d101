"use client";

import Link from "next/link";
import { useEffect } from "react";

/**
 * Unexpected errors: a French message, never the error's own text (it may
 * contain database details); the digest lets support find the server log.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <div className="fr-container w-full py-16">
      <p className="text-sm font-semibold text-grey-600">Erreur</p>
      <h1 className="mt-2 text-3xl">Le service rencontre un problème</h1>
      <p className="mt-4 max-w-2xl text-lg text-grey-800">
        Une erreur inattendue s’est produite. Vous pouvez réessayer dans quelques instants. Si le problème
        persiste, contactez-nous en indiquant l’heure de l’erreur
        {digest ? (
          <>
            {" "}
            et sa référence&nbsp;: <code className="bg-grey-50 px-1">{digest}</code>
          </>
        ) : null}
        .
      </p>
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={() => retry()}
          className="bg-blue-france px-5 py-2 font-semibold text-white hover:bg-blue-france-hover"
        >
          Réessayer
        </button>
        <Link href="/">Retourner à l’accueil</Link>
      </div>
    </div>
  );
}
