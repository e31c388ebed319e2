"use client";
// Inline edit of one position; the server checks the merged position and names any bad field.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { sendEndpoint } from "@/lib/contracts/client";
import type { PositionPatch, PositionRow } from "@/lib/contracts/positions";
import { formatUsd } from "@/lib/format";
import { positionTitle } from "@/lib/positions/position-labels";
import { positionsQueryKey } from "./query-keys";

const num = (s: string) => (s.trim() === "" ? null : Number(s));

export function PositionEditForm({ portfolioId, position, onDone }: { portfolioId: string; position: PositionRow; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    quantity: String(position.quantity),
    entryPrice: String(position.entryPrice),
    entryDate: position.entryDate,
    exitPrice: position.exitPrice === null ? "" : String(position.exitPrice),
    exitDate: position.exitDate ?? "",
    markDate: "",
    markPrice: "",
  });
  const save = useMutation({
    mutationFn: (patch: PositionPatch) => sendEndpoint("positionUpdate", patch, portfolioId, position.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: positionsQueryKey(portfolioId) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const patch: PositionPatch = {
      quantity: Number(form.quantity),
      entryPrice: Number(form.entryPrice),
      entryDate: form.entryDate,
      exitPrice: num(form.exitPrice),
      exitDate: form.exitDate === "" ? null : form.exitDate,
      ...(form.markDate !== "" || form.markPrice !== "" ? { privateMark: { date: form.markDate, price: Number(form.markPrice) } } : {}),
    };
    save.mutate(patch);
  };
  const field = (key: keyof typeof form, label: string, type = "text") => (
    <label>
      {label}
      <input type={type} value={form[key]} data-testid={`edit-${key}`} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );
  return (
    <form className="inline-form" onSubmit={submit} data-testid="position-edit-form" aria-label={`Edit ${positionTitle(position)}`}>
      <p className="form-title" data-testid="edit-title">
        Edit <strong>{positionTitle(position)}</strong>
      </p>
      {field("quantity", "Quantity")}
      {field("entryPrice", "Entry price")}
      {field("entryDate", "Entry date", "date")}
      {field("exitPrice", "Exit price")}
      {field("exitDate", "Exit date", "date")}
      {position.investmentClass === "PRIVATE" && (
        <>
          <p className="muted small-print" data-testid="edit-last-mark">
            {position.lastMark
              ? `Last mark ${formatUsd(position.lastMark.price, true)} on ${position.lastMark.date}.`
              : `No mark yet: valued at its entry price.`}{" "}
            A new mark values the holding from its date.
          </p>
          {field("markDate", "Mark date", "date")}
          {field("markPrice", "Mark price")}
        </>
      )}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>Save</button>
        <button type="button" className="secondary" onClick={onDone}>Cancel</button>
      </div>
      {save.error && <p role="alert" className="error" data-testid="edit-error">{save.error.message}</p>}
      {save.data && <p className="muted" data-testid="edit-saved">Saved. {save.data.message}</p>}
    </form>
  );
}
