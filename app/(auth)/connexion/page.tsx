import type { Metadata } from "next";
import { connection } from "next/server";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { Alert } from "@/components/ui/alert";
import { PageContainer } from "@/components/ui/page-container";
import { signInAsPersona, signInWithProConnect } from "@/lib/auth/actions";
import { proConnectSettings } from "@/lib/auth/config";
import { listPersonas } from "@/lib/auth/personas";
import { safeCallbackUrl } from "@/lib/auth/schema";
import { canUseDemoSignIn } from "@/lib/authz/policy";
import { isDemoMode } from "@/lib/demo";

export const metadata: Metadata = { title: "Se connecter" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; limite?: string }>;
}) {
  await connection();
  const { callbackUrl: rawCallback, limite } = await searchParams;
  // The time the persona sign-in's rate limit ends (lib/auth/actions.ts); shown only when it is one.
  const retryAt = typeof limite === "string" && /^\d{2}:\d{2}$/.test(limite) ? limite : null;
  const callbackUrl = safeCallbackUrl(rawCallback);
  const demo = canUseDemoSignIn(await isDemoMode());
  const personas = demo ? await listPersonas() : [];
  const proconnect = proConnectSettings() !== null;

  return (
    <PageContainer className="max-w-3xl">
      <h1 className="text-3xl font-bold">Se connecter</h1>
      <p className="mt-2 text-grey-800">
        Agents des collectivités territoriales, partenaires, instructeurs et réseaux régionaux&nbsp;:
        connectez-vous pour accéder à votre espace.
      </p>

      {proconnect ? (
        <section aria-labelledby="proconnect-title" className="mt-8 border border-grey-200 p-6">
          <h2 id="proconnect-title" className="text-xl font-bold">
            Agents publics&nbsp;: ProConnect
          </h2>
          <p className="mt-2 text-sm text-grey-800">
            Votre collectivité est reconnue automatiquement grâce à votre identité professionnelle.
          </p>
          <form action={signInWithProConnect} className="mt-4">
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <button type="submit" className={primaryButtonClass}>
              S’identifier avec ProConnect
            </button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="email-title" className="mt-8 border border-grey-200 p-6">
        <h2 id="email-title" className="text-xl font-bold">
          Recevoir un lien par e-mail
        </h2>
        <p className="mt-2 mb-4 text-sm text-grey-800">
          Nous vous envoyons un lien de connexion valable 24 heures et utilisable une seule fois. Aucun mot de
          passe à retenir.
        </p>
        <EmailSignInForm callbackUrl={callbackUrl} />
      </section>

      {demo ? (
        <section aria-labelledby="demo-title" className="fr-callout fr-callout--yellow-tournesol mt-8">
          <h2 id="demo-title" className="text-xl font-bold">
            Démonstration&nbsp;: se connecter en un clic
          </h2>
          <p className="mt-2 text-sm">
            Ces comptes fictifs n’existent que dans les données de démonstration. Chacun montre un rôle du
            service.
          </p>
          {retryAt ? (
            <Alert tone="error" className="mt-4">
              Trop de connexions depuis votre adresse. Réessayez à partir de {retryAt}.
            </Alert>
          ) : null}
          <ul className="mt-4 flex flex-col gap-3">
            {personas.map((persona) => (
              <li
                key={persona.key}
                className="flex flex-wrap items-center justify-between gap-3 bg-white p-3"
              >
                <div>
                  <p className="font-medium">{persona.name}</p>
                  <p className="text-sm text-grey-800">{persona.description}</p>
                </div>
                <form action={signInAsPersona}>
                  <input type="hidden" name="persona" value={persona.key} />
                  <button
                    type="submit"
                    className={secondaryButtonClass}
                    aria-label={`Se connecter en tant que ${persona.name} (${persona.description})`}
                  >
                    Se connecter
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </PageContainer>
  );
}
