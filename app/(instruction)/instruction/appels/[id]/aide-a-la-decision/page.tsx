import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EnvelopeMeter } from "@/components/review/envelope-meter";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageContainer } from "@/components/ui/page-container";
import { TableScroll } from "@/components/ui/table-scroll";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canAccessAdmin } from "@/lib/authz/policy";
import { AID_REASONS, proposeSelection } from "@/lib/decisions/rules";
import { formatMoneyCents } from "@/lib/format";
import { loadAidCandidates, loadCallTitle, loadEnvelope } from "@/lib/review/application";
import { formatScore } from "@/lib/review/labels";

export const metadata: Metadata = { title: "Aide à la décision" };

type Props = { params: Promise<{ id: string }> };

/** A proposal only: the admin decides each application on its own page. */
export default async function DecisionAidPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/instruction/appels/${id}/aide-a-la-decision`);
  allowOrForbid(canAccessAdmin(user));
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const [title, envelope, candidates] = await Promise.all([
    loadCallTitle(id),
    loadEnvelope(id),
    loadAidCandidates(id),
  ]);
  if (!title || !envelope) notFound();
  const available = Math.max(0, envelope.envelopeCents - envelope.grantedCents);
  const aid = proposeSelection(candidates, available);
  return (
    <PageContainer>
      <Breadcrumb
        items={[
          { href: "/instruction", label: "Instruction" },
          { href: `/instruction?call=${id}`, label: title },
          { label: "Aide à la décision" },
        ]}
      />
      <h1 className="text-3xl font-bold">Aide à la décision</h1>
      <p className="mt-2 max-w-3xl">
        Parmi les dossiers non encore décidés et notés, l’ensemble au meilleur total de notes moyennes dont
        les montants demandés tiennent dans le reste de l’enveloppe. C’est une proposition : rien n’est
        appliqué, chaque décision se prend sur la page du dossier.
      </p>
      <div className="mt-6">
        <EnvelopeMeter {...envelope} callTitle={title} />
      </div>
      <p className="mt-4" data-testid="aid-summary">
        Proposition : {aid.lines.filter((l) => l.selected).length} dossier(s) pour{" "}
        {formatMoneyCents(aid.totalCents)} sur {formatMoneyCents(available)} disponibles (total des notes :{" "}
        {formatScore(aid.totalScore)}) ; il resterait {formatMoneyCents(aid.remainingCents)}.
      </p>
      <TableScroll className="mt-4" label="Dossiers proposés et écartés, avec la raison">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Dossiers proposés et écartés, avec la raison</caption>
          <thead>
            <tr className="border-b-2 border-grey-800">
              <th scope="col" className="p-2">
                Dossier
              </th>
              <th scope="col" className="p-2 text-right">
                Note /100
              </th>
              <th scope="col" className="p-2 text-right">
                Demandé
              </th>
              <th scope="col" className="p-2">
                Proposition et raison
              </th>
            </tr>
          </thead>
          <tbody>
            {aid.lines.map((l) => (
              <tr key={l.id} className="border-b border-grey-200 align-top">
                <td className="p-2">
                  <Link href={`/instruction/dossiers/${l.id}`}>{l.title}</Link>
                </td>
                <td className="p-2 text-right">{formatScore(l.score)}</td>
                <td className="p-2 text-right whitespace-nowrap">{formatMoneyCents(l.requestedCents)}</td>
                <td className="p-2">{AID_REASONS[l.reason]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </PageContainer>
  );
}
