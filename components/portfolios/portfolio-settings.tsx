"use client";
// A book's own settings, for its manager: name, description and starting equity; its benchmark; archive or restore;
// delete for good once its name is typed. The server checks everything again.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sendEndpoint } from "@/lib/contracts/client";
import type { PortfolioPatchBody, PortfolioSummary } from "@/lib/contracts/portfolios";
import { BenchmarkSetting } from "./benchmark-setting";
import { portfolioKeys } from "./query-keys";

export function PortfolioSettings({ portfolio }: { portfolio: PortfolioSummary }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: portfolio.name, description: portfolio.description ?? "", startingEquity: String(portfolio.startingEquity) });
  const [confirmName, setConfirmName] = useState("");
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: portfolioKeys.lists });
    router.refresh(); // the header and tabs are rendered on the server
  };
  const update = useMutation({ mutationFn: (patch: PortfolioPatchBody) => sendEndpoint("portfolioUpdate", patch, portfolio.id), onSuccess: refresh });
  const archive = useMutation({
    mutationFn: (archived: boolean) => sendEndpoint("portfolioUpdate", { archived }, portfolio.id),
    onSuccess: async ({ portfolio: p }) => {
      await refresh();
      if (p.archived) router.push("/portfolios");
    },
  });
  const remove = useMutation({
    mutationFn: () => sendEndpoint("portfolioDelete", { confirmName }, portfolio.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: portfolioKeys.lists });
      router.push("/portfolios");
    },
  });
  const save = (e: FormEvent) => {
    e.preventDefault();
    const equity = Number(form.startingEquity);
    update.mutate({ name: form.name, description: form.description, ...(equity === portfolio.startingEquity ? {} : { startingEquity: equity }) });
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <>
      <form className="panel stack-form" onSubmit={save} data-testid="portfolio-details-form">
        <h2>Details</h2>
        <label>
          Name
          <input required maxLength={100} value={form.name} onChange={set("name")} data-testid="settings-name" />
        </label>
        <label>
          Description
          <input maxLength={500} value={form.description} onChange={set("description")} data-testid="settings-description" />
        </label>
        <label>
          Starting equity (USD, NAV on {portfolio.inceptionDate})
          <input required type="number" min="1" step="any" inputMode="decimal" value={form.startingEquity} onChange={set("startingEquity")} disabled={portfolio.archived} />
        </label>
        <div className="actions">
          <button type="submit" disabled={update.isPending} data-testid="settings-save">Save details</button>
        </div>
        {update.error && <p role="alert" className="error">{update.error.message}</p>}
        {update.data && (
          <p role="status" className="pos" data-testid="settings-saved">
            Saved. {update.data.staleResults?.message}
          </p>
        )}
      </form>

      <BenchmarkSetting portfolio={portfolio} />

      <section className="panel" aria-labelledby="archive-title">
        <h2 id="archive-title">{portfolio.archived ? "Archived" : "Archive"}</h2>
        {portfolio.archived ? (
          <p className="muted">This book is archived: it is hidden from the portfolio list and batch runs leave it alone. Its results are kept. Restore it to change it again; the next run back-fills the days it missed.</p>
        ) : (
          <p className="muted">An archived book is hidden from the portfolio list and batch runs stop computing it; its results are kept and it can be restored.</p>
        )}
        <button type="button" className="secondary" disabled={archive.isPending} onClick={() => archive.mutate(!portfolio.archived)} data-testid="settings-archive">
          {portfolio.archived ? "Restore portfolio" : "Archive portfolio"}
        </button>
        {archive.error && <p role="alert" className="error">{archive.error.message}</p>}
      </section>

      <section className="panel danger-zone" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete</h2>
        <p className="muted">
          Deleting removes the book with its positions, capital flows and every stored result. It cannot be undone. Type the portfolio&apos;s name,{" "}
          <strong>{portfolio.name}</strong>, to confirm.
        </p>
        <div className="inline-form">
          <label>
            Portfolio name
            <input value={confirmName} onChange={(e) => setConfirmName(e.target.value)} autoComplete="off" data-testid="delete-confirm-name" />
          </label>
          <button type="button" className="danger" disabled={confirmName !== portfolio.name || remove.isPending} onClick={() => remove.mutate()} data-testid="delete-portfolio">
            Delete portfolio
          </button>
        </div>
        {remove.error && <p role="alert" className="error">{remove.error.message}</p>}
      </section>
    </>
  );
}
