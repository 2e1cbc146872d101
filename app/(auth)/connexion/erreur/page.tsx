import type { Metadata } from "next";
import Link from "next/link";
import { PageContainer } from "@/components/ui/page-container";

export const metadata: Metadata = { title: "Connexion impossible" };

const MESSAGES: Record<string, string> = {
  Verification: "Ce lien de connexion a expiré ou a déjà été utilisé. Demandez-en un nouveau.",
  AccessDenied: "La connexion a été refusée.",
  Configuration: "La connexion est momentanément indisponible. Réessayez dans quelques minutes.",
};

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  const { error } = await searchParams;
  const message = (error && MESSAGES[error]) ?? "La connexion n’a pas abouti. Réessayez.";
  return (
    <PageContainer className="max-w-3xl">
      <h1 className="text-3xl font-bold">Connexion impossible</h1>
      <p className="mt-4">{message}</p>
      <p className="mt-6">
        <Link href="/connexion">Retour à la connexion</Link>
      </p>
    </PageContainer>
  );
}
