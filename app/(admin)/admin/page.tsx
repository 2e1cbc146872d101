import type { Metadata } from "next";
import Link from "next/link";
import { PageContainer } from "@/components/ui/page-container";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canAccessAdmin } from "@/lib/authz/policy";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminHomePage() {
  const user = await requireUser("/admin");
  allowOrForbid(canAccessAdmin(user));
  return (
    <PageContainer>
      <h1 className="text-3xl font-bold">Administration</h1>
      <ul className="mt-6 flex list-disc flex-col gap-2 pl-6">
        <li>
          <Link href="/admin/appels">Appels à projets</Link>
        </li>
        <li>
          <Link href="/admin/utilisateurs">Comptes et rôles</Link>
        </li>
        <li>
          <Link href="/admin/courriels">E-mails du service</Link>
        </li>
      </ul>
    </PageContainer>
  );
}
