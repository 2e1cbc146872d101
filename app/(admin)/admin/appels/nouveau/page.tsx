import type { Metadata } from "next";
import { CallForm } from "@/components/calls/call-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canManageCalls } from "@/lib/authz/policy";
import { callToForm, getCall, getDocuments, getGrid } from "@/lib/calls/queries";
import { emptyCallForm } from "@/lib/calls/schema";

export const metadata: Metadata = { title: "Nouvel appel à projets — Administration" };

export default async function NewCallPage({ searchParams }: { searchParams: Promise<{ depuis?: string }> }) {
  const user = await requireUser("/admin/appels/nouveau");
  allowOrForbid(canManageCalls(user));
  const { depuis } = await searchParams;
  const db = getDb();
  const source = depuis ? await getCall(db, depuis) : null;
  const defaults = source
    ? callToForm(source, await getGrid(db, source.id), await getDocuments(db, source.id), true)
    : emptyCallForm(new Date());
  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/admin", label: "Administration" },
          { href: "/admin/appels", label: "Appels à projets" },
          { label: source ? "Dupliquer un appel" : "Nouvel appel" },
        ]}
      />
      <h1 className="text-3xl font-bold">
        {source ? `Dupliquer «\u00a0${source.title}\u00a0»` : "Nouvel appel à projets"}
      </h1>
      {source ? (
        <p className="mt-2 text-grey-600">
          Règles, grille et documents repris de l’appel {source.year}&nbsp;; dates décalées d’un an. Vérifiez
          chaque champ avant de créer l’appel.
        </p>
      ) : null}
      <CallForm mode="create" defaultValues={defaults} duplicateOf={source?.id} gridLocked={false} />
    </PageContainer>
  );
}
