import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Checkbox } from "@/components/form/choice";
import { Field, inputClass, secondaryButtonClass, selectClass } from "@/components/form/field";
import { EnvelopeMeter } from "@/components/review/envelope-meter";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { DataTable } from "@/components/ui/data-table";
import { PageContainer } from "@/components/ui/page-container";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { staffPageTitle } from "@/lib/auth/staff-page-title";
import { canAccessAdmin } from "@/lib/authz/policy";
import { AID_REASONS, aidFlagLabel, proposeSelection } from "@/lib/decisions/rules";
import { formatMoneyCents } from "@/lib/format";
import { staffRecordTitle } from "@/lib/page-titles";
import { loadAidCandidates, loadCallTitle, loadEnvelope } from "@/lib/review/application";
import { formatScore, formatZScore } from "@/lib/review/labels";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return {
    title: await staffPageTitle("Aide à la décision", async (user) => {
      if (!canAccessAdmin(user)) return "forbidden";
      if (!/^[0-9a-f-]{36}$/i.test(id)) return "not-found";
      const title = await loadCallTitle(id);
      return title ? staffRecordTitle(title, "Aide à la décision") : "not-found";
    }),
  };
}

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The admin's choices, from the query string; a minimum score that is not 0 to 100 is refused at its field. */
function aidOptions(query: Record<string, string | string[] | undefined>) {
  const rawMin = first(query.min).trim().replace(",", ".");
  const min = rawMin === "" ? null : Number(rawMin);
  const minValid = min === null || (Number.isFinite(min) && min >= 0 && min <= 100);
  return {
    rawMin: first(query.min),
    minError: minValid ? undefined : "Saisissez une note entre 0 et 100, par exemple 50.",
    options: {
      minScore: minValid ? min : null,
      includeIncomplete: first(query.incompletes) === "1",
      allowPartial: first(query.partiel) === "1",
    },
    sort: first(query.tri) === "normalisee" ? ("normalised" as const) : ("score" as const),
  };
}

/** A proposal only: the admin decides each application on its own page. */
export default async function DecisionAidPage({ params, searchParams }: Props) {
  const { id } = await params;
  const choice = aidOptions(await searchParams);
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
  const aid = proposeSelection(candidates, available, choice.options);
  const lines =
    choice.sort === "normalised"
      ? [...aid.lines].sort(
          (a, b) =>
            Number(b.selected) - Number(a.selected) ||
            (b.normalised ?? Number.NEGATIVE_INFINITY) - (a.normalised ?? Number.NEGATIVE_INFINITY),
        )
      : aid.lines;
  const flagged = aid.lines.filter((l) => l.selected && l.flags.length > 0).length;
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
        les montants demandés tiennent dans le reste de l’enveloppe. Chaque ligne signale ce que l’aide ne
        sait pas&nbsp;: évaluations incomplètes, divergence entre instructeurs, avis défavorables. C’est une
        proposition&nbsp;: rien n’est appliqué, chaque décision se prend sur la page du dossier.
      </p>
      <div className="mt-6">
        <EnvelopeMeter {...envelope} callTitle={title} />
      </div>
      <form
        method="get"
        className="mt-6 flex flex-col gap-4 border border-grey-200 p-4"
        aria-labelledby="aid-options"
      >
        <h2 id="aid-options" className="text-xl font-bold">
          Vos choix
        </h2>
        <Field
          id="min"
          label="Note minimale /100 (facultatif)"
          hint="Les dossiers dont la note moyenne est inférieure sont écartés."
          error={choice.minError}
        >
          {(p) => (
            <input
              {...p}
              name="min"
              inputMode="decimal"
              defaultValue={choice.rawMin}
              className={`${inputClass} max-w-32`}
            />
          )}
        </Field>
        <Checkbox
          id="incompletes"
          name="incompletes"
          value="1"
          defaultChecked={choice.options.includeIncomplete}
          label="Proposer aussi les dossiers dont toutes les évaluations attendues ne sont pas soumises"
        />
        <Checkbox
          id="partiel"
          name="partiel"
          value="1"
          defaultChecked={choice.options.allowPartial}
          label="Autoriser une subvention partielle (le reste de l’enveloppe au meilleur dossier écarté)"
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="tri" className="fr-label">
            Trier par
          </label>
          <select
            id="tri"
            name="tri"
            defaultValue={choice.sort === "normalised" ? "normalisee" : "note"}
            className={`${selectClass} max-w-64`}
          >
            <option value="note">Note /100</option>
            <option value="normalisee">Score normalisé</option>
          </select>
        </div>
        <div>
          <button type="submit" className={secondaryButtonClass}>
            Appliquer
          </button>
        </div>
      </form>
      <p className="mt-4" data-testid="aid-summary">
        Proposition&nbsp;: {aid.lines.filter((l) => l.selected).length} dossier(s) pour{" "}
        {formatMoneyCents(aid.totalCents)} sur {formatMoneyCents(available)} disponibles (total des
        notes&nbsp;: {formatScore(aid.totalScore)})&nbsp;; il resterait {formatMoneyCents(aid.remainingCents)}
        .
        {flagged > 0
          ? ` Attention\u00a0: ${flagged} dossier${flagged > 1 ? "s" : ""} proposé${flagged > 1 ? "s" : ""} avec une réserve signalée (évaluations incomplètes, divergence ou avis défavorable).`
          : ""}
      </p>
      <DataTable
        caption="Dossiers proposés et écartés, avec la raison"
        captionHidden
        width="max-w-none"
        columns={[
          { label: "Dossier" },
          { label: "Note /100", numeric: true },
          { label: "Score normalisé", numeric: true },
          { label: "Demandé", numeric: true },
          { label: "Proposé", numeric: true },
          { label: "Réserves" },
          { label: "Proposition et raison" },
        ]}
        rows={lines.map((l) => ({
          key: l.id,
          header: <Link href={`/instruction/dossiers/${l.id}`}>{l.title}</Link>,
          cells: [
            formatScore(l.score),
            formatZScore(l.normalised),
            <span key="requested" className="whitespace-nowrap">
              {formatMoneyCents(l.requestedCents)}
            </span>,
            <span key="proposed" className="whitespace-nowrap">
              {l.selected ? formatMoneyCents(l.proposedCents) : "—"}
            </span>,
            l.flags.length ? (
              <ul key="flags" className="flex flex-col gap-1">
                {l.flags.map((f) => (
                  <li key={f}>
                    <Badge tone="warning">{aidFlagLabel(f, l)}</Badge>
                  </li>
                ))}
              </ul>
            ) : (
              "—"
            ),
            AID_REASONS[l.reason],
          ],
        }))}
      />
    </PageContainer>
  );
}
