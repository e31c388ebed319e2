"use client";
// Closing a position: its exit price and date (an edit of the exit fields); it stays listed as closed.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { sendEndpoint } from "@/lib/contracts/client";
import type { PositionRow } from "@/lib/contracts/positions";
import { positionsQueryKey } from "./query-keys";

export function ClosePositionForm({ portfolioId, position, onDone }: { portfolioId: string; position: PositionRow; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [exitPrice, setExitPrice] = useState(position.valuation ? String(position.valuation.price) : "");
  const [exitDate, setExitDate] = useState("");
  const close = useMutation({
    mutationFn: () => sendEndpoint("positionUpdate", { exitPrice: Number(exitPrice), exitDate }, portfolioId, position.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: positionsQueryKey(portfolioId) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    close.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="position-close-form" aria-label={`Close ${position.symbol}`}>
      <label>
        Exit price
        <input required type="number" min="0" step="any" inputMode="decimal" value={exitPrice} onChange={(e) => setExitPrice(e.target.value)} data-testid="close-exit-price" />
      </label>
      <label>
        Exit date
        <input required type="date" min={position.entryDate} value={exitDate} onChange={(e) => setExitDate(e.target.value)} data-testid="close-exit-date" />
      </label>
      <div className="actions">
        <button type="submit" disabled={close.isPending} data-testid="close-submit">Close position</button>
        <button type="button" className="secondary" onClick={onDone}>Cancel</button>
      </div>
      {close.error && <p role="alert" className="error">{close.error.message}</p>}
      {close.data && <p role="status" className="muted" data-testid="close-done">Closed. {close.data.message}</p>}
    </form>
  );
}
