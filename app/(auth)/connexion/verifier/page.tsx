import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Alert } from "@/components/ui/alert";
import { PageContainer } from "@/components/ui/page-container";
import { canReadDevMailbox } from "@/lib/authz/policy";
import { isDemoMode } from "@/lib/demo";

export const metadata: Metadata = { title: "Consultez votre messagerie" };

export default async function VerifyRequestPage() {
  await connection();
  const mailbox = canReadDevMailbox(null, await isDemoMode());
  return (
    <PageContainer className="max-w-3xl">
      <h1 className="text-3xl font-bold">Consultez votre messagerie</h1>
      <p className="mt-4">
        Si cette adresse peut se connecter au service, un e-mail contenant un lien de connexion vient de lui
        être envoyé. Le lien est valable 24 heures et ne peut servir qu’une fois.
      </p>
      <p className="mt-2">Pensez à vérifier le dossier des courriers indésirables.</p>
      {mailbox ? (
        <Alert tone="warning" announce={false} className="mt-6">
          Démonstration&nbsp;: aucun serveur d’e-mail n’est nécessaire, les messages sont visibles dans la{" "}
          <Link href="/dev/courriels">boîte de réception de démonstration</Link>.
        </Alert>
      ) : null}
      <p className="mt-6">
        <Link href="/connexion">Demander un nouveau lien</Link>
      </p>
    </PageContainer>
  );
}
