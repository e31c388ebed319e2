"use client";
// "New portfolio": the book's details first, then its positions from a CSV file (the import's preview
// and commit), then the portfolio's page, where its first batch run will show.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PositionImport } from "@/components/positions/position-import";
import { sendEndpoint } from "@/lib/contracts/client";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { portfolioKeys } from "./query-keys";

export function NewPortfolioForm({ asOf }: { asOf: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: "", description: "", startingEquity: "", inceptionDate: asOf });
  const [created, setCreated] = useState<PortfolioSummary | null>(null);
  const create = useMutation({
    mutationFn: () =>
      sendEndpoint("portfolioCreate", { name: form.name, description: form.description, startingEquity: Number(form.startingEquity), inceptionDate: form.inceptionDate }),
    onSuccess: ({ portfolio }) => {
      setCreated(portfolio);
      return queryClient.invalidateQueries({ queryKey: portfolioKeys.lists });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  if (created) {
    const page = `/portfolios/${created.id}`;
    return (
      <>
        <p className="pos" role="status" data-testid="new-portfolio-created">
          {created.name} is created. Step 2 of 2: import its positions, or <Link href={page}>go to the portfolio</Link> and add them there.
        </p>
        <PositionImport portfolioId={created.id} onImported={() => router.push(page)} />
      </>
    );
  }
  return (
    <form className="panel stack-form" onSubmit={submit} data-testid="new-portfolio-form" aria-describedby="new-portfolio-help">
      <h2>Step 1 of 2: details</h2>
      <p className="muted small-print" id="new-portfolio-help">
        The starting equity is the book&apos;s NAV on its inception date; the inception date is on or before the as-of date ({asOf}). The first batch run
        back-fills every trading day from inception.
      </p>
      <label>
        Name
        <input required maxLength={100} value={form.name} onChange={set("name")} data-testid="new-portfolio-name" />
      </label>
      <label>
        Description (optional)
        <input maxLength={500} value={form.description} onChange={set("description")} />
      </label>
      <label>
        Starting equity (USD)
        <input required type="number" min="1" step="any" inputMode="decimal" value={form.startingEquity} onChange={set("startingEquity")} data-testid="new-portfolio-equity" />
      </label>
      <label>
        Inception date
        <input required type="date" max={asOf} value={form.inceptionDate} onChange={set("inceptionDate")} data-testid="new-portfolio-inception" />
      </label>
      <div className="actions">
        <button type="submit" disabled={create.isPending} data-testid="new-portfolio-submit">
          Create and continue to positions
        </button>
        <Link href="/portfolios" className="button-link">Cancel</Link>
      </div>
      {create.error && <p role="alert" className="error" data-testid="new-portfolio-error">{create.error.message}</p>}
    </form>
  );
}
