import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { formatMoneyCents } from "@/lib/format";
import { frenchDate, instalmentLabel, reportLabel } from "@/lib/grants/labels";
import { INSTALMENT_STATUS_LABELS, REPORT_STATUS_LABELS } from "@/lib/grants/lifecycle";
import type { GrantFile, InstalmentRow, ScheduledReport } from "@/lib/grants/queries";

export { frenchDate as frenchDay } from "@/lib/grants/labels";

const INSTALMENT_TONES: Record<string, BadgeTone> = {
  waiting: "neutral",
  due: "info",
  paid: "success",
  cancelled: "neutral",
};

/** What an instalment waits for, in words. */
function condition(instalment: InstalmentRow, file: GrantFile) {
  if (instalment.releasedByReport === null) return "La signature de la convention";
  const report = file.reports[instalment.releasedByReport - 1];
  return `La validation du ${reportLabel(report?.kind ?? "intermediate", instalment.releasedByReport).toLowerCase()}`;
}

/** The payment schedule: each instalment, what releases it, and its payment once recorded. */
export function InstalmentsTable({
  file,
  caption = "Échéancier des versements",
}: {
  file: GrantFile;
  caption?: string;
}) {
  return (
    <DataTable
      caption={caption}
      captionHidden
      columns={[
        { label: "Versement" },
        { label: "Montant", numeric: true },
        { label: "Condition" },
        { label: "État" },
        { label: "Versé le" },
      ]}
      rows={file.instalments.map((i) => ({
        key: i.id,
        testId: `instalment-${i.position}`,
        header: instalmentLabel(i, file.grant.years),
        cells: [
          formatMoneyCents(i.status === "paid" ? (i.paidCents ?? 0) : i.plannedCents),
          condition(i, file),
          <Badge key="s" tone={INSTALMENT_TONES[i.status] ?? "neutral"}>
            {INSTALMENT_STATUS_LABELS[i.status]}
          </Badge>,
          i.paidOn ? `${frenchDate(i.paidOn)} (réf. ${i.paymentReference})` : "—",
        ],
      }))}
      footer={[
        {
          key: "total",
          total: true,
          header: "Total versé",
          cells: [
            formatMoneyCents(file.paidCents),
            `sur ${formatMoneyCents(file.grant.grantedCents)} accordés`,
            "",
            "",
          ],
        },
      ]}
    />
  );
}

export function reportState(r: ScheduledReport): { label: string; tone: BadgeTone } {
  if (r.overdue) return { label: REPORT_STATUS_LABELS.overdue, tone: "warning" };
  if (!r.report) return { label: REPORT_STATUS_LABELS.expected, tone: "neutral" };
  const tone: BadgeTone =
    r.report.status === "accepted" ? "success" : r.report.status === "submitted" ? "info" : "warning";
  return { label: REPORT_STATUS_LABELS[r.report.status], tone };
}

/** The reports the schedule asks for, with their due dates and where each stands. */
export function ReportsTable({ file }: { file: GrantFile }) {
  return (
    <DataTable
      caption="Rapports attendus"
      captionHidden
      columns={[
        { label: "Rapport" },
        { label: "À rendre le" },
        { label: "État" },
        { label: "Dépenses réelles", numeric: true },
      ]}
      rows={file.reports.map((r) => {
        const state = reportState(r);
        return {
          key: r.position,
          testId: `report-${r.position}`,
          header: reportLabel(r.kind, r.position),
          cells: [
            frenchDate(r.dueOn),
            <Badge key="s" tone={state.tone}>
              {state.label}
            </Badge>,
            r.report ? formatMoneyCents(r.report.actualExpensesCents) : "—",
          ],
        };
      })}
    />
  );
}
