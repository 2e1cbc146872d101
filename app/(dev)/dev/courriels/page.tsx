import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { OutboxList } from "@/components/mail/outbox-list";
import { Alert } from "@/components/ui/alert";
import { PageContainer } from "@/components/ui/page-container";
import { getDb } from "@/db/client";
import { canReadDevMailbox } from "@/lib/authz/policy";
import { isDemoMode } from "@/lib/demo";
import { listOutbox } from "@/lib/mail/mailbox";
import { smtpConfigured } from "@/lib/mail/transport";

export const metadata: Metadata = { title: "Boîte de réception de démonstration", robots: { index: false } };

/** Demo mode only (public on purpose, fictitious data): lets a newcomer follow sign-in links without SMTP. */
export default async function DevMailboxPage() {
  await connection();
  if (!canReadDevMailbox(null, await isDemoMode())) notFound();
  const { rows } = await listOutbox(getDb());
  return (
    <PageContainer>
      <h1 className="text-3xl font-bold">Boîte de réception de démonstration</h1>
      <Alert tone="warning" announce={false} className="mt-2">
        En démonstration, les e-mails du service (liens de connexion, accusés de réception, décisions)
        s’affichent ici. Cette page n’existe pas en production.
      </Alert>
      <OutboxList rows={rows} smtpConfigured={smtpConfigured()} />
    </PageContainer>
  );
}
