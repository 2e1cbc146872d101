import type { Metadata } from "next";
import Link from "next/link";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { ErrorPage } from "@/components/ui/error-page";

export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <ErrorPage
      code="Erreur 404"
      title="Page introuvable"
      lead="La page que vous cherchez n’existe pas, a été déplacée ou n’est pas publique."
      actions={
        <>
          <Link href="/" className={primaryButtonClass}>
            Retourner à l’accueil
          </Link>
          <Link href="/appels" className={secondaryButtonClass}>
            Consulter les appels à projets
          </Link>
          <Link href="/laureats" className={secondaryButtonClass}>
            Consulter les projets lauréats
          </Link>
        </>
      }
    >
      <p>Si vous avez saisi l’adresse, vérifiez qu’elle est correcte.</p>
    </ErrorPage>
  );
}
