"use client";
// A book's deposits and withdrawals: the list, and for its manager a form to record one and a button to
// remove a mistaken one. A flow moves NAV from its date, never P&L or return.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useApi } from "@/components/use-api";
import { sendEndpoint } from "@/lib/contracts/client";
import type { CapitalFlowBody } from "@/lib/contracts/capital-flows";
import { formatUsd, signClass } from "@/lib/format";
import { portfolioKeys } from "./query-keys";
import { TableRegion } from "@/components/table-region";

export function CapitalFlowsSection({ portfolioId, inceptionDate, canEdit }: { portfolioId: string; inceptionDate: string; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const { data, error, isPending } = useApi("capitalFlows", portfolioId);
  const [form, setForm] = useState({ kind: "deposit", amount: "", date: "", note: "" });
  const [confirming, setConfirming] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: portfolioKeys.flows(portfolioId) });
  const record = useMutation({
    mutationFn: (body: CapitalFlowBody) => sendEndpoint("capitalFlowCreate", body, portfolioId),
    onSuccess: () => {
      setForm({ ...form, amount: "", note: "" });
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (flowId: string) => sendEndpoint("capitalFlowDelete", {}, portfolioId, flowId),
    onSuccess: () => {
      setConfirming(null);
      return refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amount = Math.abs(Number(form.amount));
    record.mutate({ date: form.date, amount: form.kind === "deposit" ? amount : -amount, ...(form.note.trim() ? { note: form.note } : {}) });
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const notice = record.data?.message ?? remove.data?.message;

  return (
    <section className="panel" aria-labelledby="flows-title" data-testid="capital-flows">
      <h2 id="flows-title">Capital flows</h2>
      <p className="muted small-print">Deposits and withdrawals move NAV on their date; they are not P&amp;L and do not change the day&apos;s return.</p>
      {isPending && <p className="muted">Loading flows…</p>}
      {error && <p role="alert" className="error">Could not load the capital flows: {error.message}</p>}
      {data && data.flows.length === 0 && <p className="muted" data-testid="flows-empty">No deposits or withdrawals yet.</p>}
      {data && data.flows.length > 0 && (
        <TableRegion label="Capital flows">
          <table className="dense compact-table" data-testid="flows-table">
            <thead>
              <tr>
                <th>Date</th>
                <th className="num">Amount</th>
                <th>Note</th>
                {canEdit && <th><span className="visually-hidden">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {data.flows.map((f) => (
                <tr key={f.id} data-testid={`flow-${f.date}`}>
                  <td>{f.date}</td>
                  <td className={`num ${signClass(f.amount)}`}>{formatUsd(f.amount, true)}</td>
                  <td>{f.note ?? ""}</td>
                  {canEdit && (
                    <td>
                      {confirming === f.id ? (
                        <div className="row-actions">
                          <button type="button" className="danger small" disabled={remove.isPending} onClick={() => remove.mutate(f.id)}>
                            Delete flow
                          </button>
                          <button type="button" className="secondary small" onClick={() => setConfirming(null)}>Cancel</button>
                        </div>
                      ) : (
                        <button type="button" className="secondary small" onClick={() => setConfirming(f.id)} aria-label={`Delete the flow of ${formatUsd(f.amount, true)} on ${f.date}`}>
                          Delete
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {canEdit && (
        <form className="inline-form" onSubmit={submit} data-testid="flow-form" aria-label="Record a capital flow">
          <label>
            Kind
            <select value={form.kind} onChange={set("kind")} data-testid="flow-kind">
              <option value="deposit">Deposit</option>
              <option value="withdrawal">Withdrawal</option>
            </select>
          </label>
          <label>
            Amount (USD)
            <input required type="number" min="0" step="any" inputMode="decimal" value={form.amount} onChange={set("amount")} data-testid="flow-amount" />
          </label>
          <label>
            Date (a trading day)
            <input required type="date" min={inceptionDate} value={form.date} onChange={set("date")} data-testid="flow-date" />
          </label>
          <label>
            Note
            <input maxLength={200} value={form.note} onChange={set("note")} data-testid="flow-note" />
          </label>
          <div className="actions">
            <button type="submit" disabled={record.isPending} data-testid="flow-submit">Record flow</button>
          </div>
        </form>
      )}
      {(record.error ?? remove.error) && <p role="alert" className="error" data-testid="flow-error">{(record.error ?? remove.error)!.message}</p>}
      {notice && <p role="status" className="muted" data-testid="flow-done">{notice}</p>}
    </section>
  );
}
