import type { Metadata } from "next";
import { OutboxList } from "@/components/mail/outbox-list";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canReadOutbox } from "@/lib/authz/policy";
import { listOutbox } from "@/lib/mail/mailbox";
import { smtpConfigured } from "@/lib/mail/transport";

export const metadata: Metadata = { title: "E-mails envoyés" };

export default async function AdminOutboxPage() {
  const user = await requireUser("/admin/courriels");
  allowOrForbid(canReadOutbox(user));
  const { rows, total } = await listOutbox(getDb());
  return (
    <PageContainer>
      <h1 className="text-3xl font-bold">E-mails du service</h1>
      <p className="mt-2 text-grey-800">
        {total} e-mail(s) dans la file d’envoi.{" "}
        {smtpConfigured()
          ? "Un serveur SMTP est configuré."
          : "Aucun serveur SMTP n’est configuré : les e-mails restent ici."}
      </p>
      <OutboxList rows={rows} smtpConfigured={smtpConfigured()} />
    </PageContainer>
  );
}
