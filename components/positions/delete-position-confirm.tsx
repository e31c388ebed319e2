"use client";
// Deleting a mistaken position asks once more: it removes the position and its stored valuations.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { sendEndpoint } from "@/lib/contracts/client";
import type { PositionRow } from "@/lib/contracts/positions";
import { positionsQueryKey } from "./query-keys";

export function DeletePositionConfirm({ portfolioId, position, onDone }: { portfolioId: string; position: PositionRow; onDone: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => sendEndpoint("positionDelete", {}, portfolioId, position.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: positionsQueryKey(portfolioId) });
      onDone();
    },
  });
  return (
    <div className="inline-form" role="group" aria-label={`Delete ${position.symbol}`} data-testid="position-delete-confirm">
      <p>
        Delete {position.symbol} ({position.quantity} from {position.entryDate})? Use this for a position entered by mistake; to record a sale, close it instead.
        Results are recomputed from {position.entryDate} by the next batch run.
      </p>
      <div className="actions">
        <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate()} data-testid="delete-position-confirm">
          Delete position
        </button>
        <button type="button" className="secondary" onClick={onDone}>Cancel</button>
      </div>
      {remove.error && <p role="alert" className="error">{remove.error.message}</p>}
    </div>
  );
}
