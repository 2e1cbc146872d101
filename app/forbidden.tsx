import Link from "next/link";
import { primaryButtonClass } from "@/components/form/field";
import { ErrorPage } from "@/components/ui/error-page";
import { FORBIDDEN_TITLE, TITLE_SUFFIX } from "@/lib/page-titles";

export default function Forbidden() {
  return (
    <>
      {/* forbidden.tsx cannot export metadata: React 19 hoists this element into <head>. */}
      <title>{`${FORBIDDEN_TITLE}${TITLE_SUFFIX}`}</title>
      <ErrorPage
        code="Erreur 403"
        title="Accès refusé"
        lead="Votre compte n’a pas les droits nécessaires pour consulter cette page."
        actions={
          <Link href="/" className={primaryButtonClass}>
            Retour à l’accueil
          </Link>
        }
      >
        <p>
          Si vous pensez qu’il s’agit d’une erreur, contactez l’administrateur de votre organisation ou
          l’équipe de la DCTCIV.
        </p>
      </ErrorPage>
    </>
  );
}
