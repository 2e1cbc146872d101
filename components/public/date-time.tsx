import { formatDate, formatDateTime, isoDateInParis } from "@/lib/format";

/** A date (or date and time) read in Paris, with a machine-readable value. */
export function DateTime({ value, withTime = false }: { value: Date; withTime?: boolean }) {
  return (
    <time dateTime={withTime ? value.toISOString() : isoDateInParis(value)}>
      {withTime ? formatDateTime(value) : formatDate(value)}
    </time>
  );
}
