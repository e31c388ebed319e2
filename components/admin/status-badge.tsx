// A run or phase status as a coloured badge (classes from globals.css).
export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  return (
    <span className={`badge ${status.toLowerCase()}`} data-testid={testId} data-status={status}>
      {status.toLowerCase()}
    </span>
  );
}
