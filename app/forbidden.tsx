import Link from "next/link";
import { PageContainer } from "@/components/ui/page-container";
import { FORBIDDEN_TITLE, TITLE_SUFFIX } from "@/lib/page-titles";

export default function Forbidden() {
  return (
    <PageContainer>
      {/* forbidden.tsx cannot export metadata: React 19 hoists this element into <head>. */}
      <title>{`${FORBIDDEN_TITLE}${TITLE_SUFFIX}`}</title>
      <h1 className="text-3xl font-bold">Accès refusé</h1>
      <p className="mt-4 max-w-2xl">
        Votre compte n’a pas les droits nécessaires pour consulter cette page. Si vous pensez qu’il s’agit
        d’une erreur, contactez l’administrateur de votre organisation ou l’équipe de la DCTCIV.
      </p>
      <p className="mt-6">
        <Link href="/">Retour à l’accueil</Link>
      </p>
    </PageContainer>
  );
}
