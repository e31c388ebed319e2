"use client";
// The benchmark a book's performance is measured against: any listed symbol (SPY by default).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useApi } from "@/components/use-api";
import { sendEndpoint } from "@/lib/contracts/client";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";

export function BenchmarkSetting({ portfolio }: { portfolio: PortfolioSummary }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const symbols = useApi("symbols");
  const [symbol, setSymbol] = useState(portfolio.benchmarkSymbol);
  const save = useMutation({
    mutationFn: (benchmarkSymbol: string) => sendEndpoint("portfolioUpdate", { benchmarkSymbol }, portfolio.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["performance", portfolio.id] });
      router.refresh();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(symbol);
  };
  return (
    <form className="panel stack-form" onSubmit={submit} data-testid="benchmark-form">
      <h2>Benchmark</h2>
      <p className="muted">The performance figures (beta, alpha, R², tracking error, information ratio and the cumulative lines) compare this book with it.</p>
      <label>
        Benchmark symbol
        <select value={symbol} onChange={(e) => setSymbol(e.target.value)} disabled={!symbols.data} data-testid="benchmark-symbol">
          {!symbols.data && <option value={symbol}>{symbol}</option>}
          {symbols.data?.symbols.map((s) => (
            <option key={s.symbol} value={s.symbol}>
              {s.symbol} — {s.name}
            </option>
          ))}
        </select>
      </label>
      {symbols.error && <p role="alert" className="error">Could not load the symbols: {symbols.error.message}</p>}
      <div className="actions">
        <button type="submit" disabled={save.isPending || symbol === portfolio.benchmarkSymbol} data-testid="benchmark-save">Save benchmark</button>
      </div>
      {save.error && <p role="alert" className="error">{save.error.message}</p>}
      {save.data && <p role="status" className="pos" data-testid="benchmark-saved">Saved: performance is now measured against {save.data.portfolio.benchmarkSymbol}.</p>}
    </form>
  );
}
