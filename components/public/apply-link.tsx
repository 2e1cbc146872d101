import Link from "next/link";
import { APPLY_PATH } from "@/lib/public/calls";

/**
 * « Déposer un dossier » on an open call: it leads to the applicant's space,
 * where each open call has its creation form (a visitor signs in first and is
 * brought back there). `callTitle` names the call for screen readers where
 * several calls are listed.
 */
export function ApplyLink({ callTitle, small = false }: { callTitle?: string; small?: boolean }) {
  return (
    <Link
      href={APPLY_PATH}
      prefetch={false}
      className={`inline-block bg-blue-france px-4 py-2 ${small ? "text-sm " : ""}font-semibold text-white no-underline hover:bg-blue-france-hover`}
    >
      Déposer un dossier
      {callTitle ? <span className="sr-only"> pour «&nbsp;{callTitle}&nbsp;»</span> : null}
    </Link>
  );
}
