import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CallForm } from "@/components/calls/call-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { staffPageTitle } from "@/lib/auth/staff-page-title";
import { canManageCalls } from "@/lib/authz/policy";
import { callToForm, getCall, getDocuments, getGrid, isGridLocked } from "@/lib/calls/queries";
import { staffRecordTitle } from "@/lib/page-titles";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return {
    title: await staffPageTitle("Modifier l’appel — Administration", async (user) => {
      if (!canManageCalls(user)) return "forbidden";
      const call = await getCall(getDb(), id);
      return call ? staffRecordTitle(call.title, "Modifier l’appel", "Administration") : "not-found";
    }),
  };
}

export default async function EditCallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/admin/appels/${id}/modifier`);
  allowOrForbid(canManageCalls(user));
  const db = getDb();
  const call = await getCall(db, id);
  if (!call) notFound();
  const [grid, documents, locked] = await Promise.all([
    getGrid(db, id),
    getDocuments(db, id),
    isGridLocked(db, id),
  ]);
  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/admin", label: "Administration" },
          { href: "/admin/appels", label: "Appels à projets" },
          { href: `/admin/appels/${id}`, label: call.title },
          { label: "Modifier" },
        ]}
      />
      <h1 className="text-3xl font-bold">Modifier «&nbsp;{call.title}&nbsp;»</h1>
      <CallForm
        mode="edit"
        callId={id}
        defaultValues={callToForm(call, grid, documents)}
        gridLocked={locked}
      />
    </PageContainer>
  );
}
