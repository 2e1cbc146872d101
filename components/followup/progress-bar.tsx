/**
 * A project's overall progress: a bar and its number, so the figure never
 * depends on colour alone (the <progress> element is announced with its value).
 */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  return (
    <div className="flex items-center gap-3">
      <progress
        value={value}
        max={100}
        aria-label={label}
        className="h-3 w-full max-w-md overflow-hidden rounded-sm border border-grey-800 [&::-moz-progress-bar]:bg-blue-france [&::-webkit-progress-bar]:bg-white [&::-webkit-progress-value]:bg-blue-france"
      >
        {value}&nbsp;%
      </progress>
      <span className="font-bold tabular-nums">{value}&nbsp;%</span>
    </div>
  );
}
