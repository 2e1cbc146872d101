import type { Metadata } from "next";
import Link from "next/link";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canAccessAdmin, canReadAuditLog, canReadOutbox } from "@/lib/authz/policy";
import { formatCount } from "@/lib/format";
import { countFailedEmails } from "@/lib/mail/staff-outbox";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminHomePage() {
  const user = await requireUser("/admin");
  allowOrForbid(canAccessAdmin(user));
  const failed = canReadOutbox(user) ? await countFailedEmails(getDb()) : 0;
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
          {failed > 0 ? (
            <>
              {" "}
              —{" "}
              <Link href="/admin/courriels?statut=failed" className="font-bold text-red-marianne-dark">
                {formatCount(failed)} e-mail{failed > 1 ? "s" : ""} en échec définitif
              </Link>
            </>
          ) : null}
        </li>
        {canReadAuditLog(user) ? (
          <li>
            <Link href="/admin/journal">Journal des actions</Link>
          </li>
        ) : null}
      </ul>
    </PageContainer>
  );
}
