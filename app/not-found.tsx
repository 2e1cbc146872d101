import type { Metadata } from "next";
import Link from "next/link";
import { PageContainer } from "@/components/ui/page-container";

export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <PageContainer className="py-16">
      <p className="text-sm font-semibold text-grey-600">Erreur 404</p>
      <h1 className="mt-2 text-3xl">Page introuvable</h1>
      <p className="mt-4 max-w-2xl text-lg text-grey-800">
        La page que vous cherchez n’existe pas, a été déplacée ou n’est pas publique. Si vous avez saisi
        l’adresse, vérifiez qu’elle est correcte.
      </p>
      <ul className="mt-6 space-y-2">
        <li>
          <Link href="/">Retourner à l’accueil</Link>
        </li>
        <li>
          <Link href="/appels">Consulter les appels à projets</Link>
        </li>
        <li>
          <Link href="/laureats">Consulter les projets lauréats</Link>
        </li>
      </ul>
    </PageContainer>
  );
}
