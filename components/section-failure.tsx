"use client";
// What failed, why in words, and a Retry button: the one shape of a section's loading error.
import { failureInWords } from "@/lib/failure-words";

export function SectionFailure({ what, error, retrying, retry }: { what: string; error: unknown; retrying: boolean; retry: () => void }) {
  return (
    <div role="alert" className="error" data-state="error">
      Could not load {what}: {failureInWords(error)}.{" "}
      <button type="button" className="secondary small" disabled={retrying} onClick={retry} data-testid="section-retry">
        {retrying ? "Retrying…" : "Retry"}
      </button>
    </div>
  );
}
