"use client";
// Adding one position by hand, with what a CSV row holds: any ticker, listed or found by the vendor
// (or an option on one, or a private holding's label), the side, quantity, entry price and date. The
// quantity is entered as a size; the side gives its sign. The server applies the import's checks and
// names any bad field.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useApi } from "@/components/use-api";
import { sendEndpoint } from "@/lib/contracts/client";
import type { PositionCreateBody } from "@/lib/contracts/positions";
import { SHORT_TYPES, SUBTYPES_BY_CLASS, TYPES_BY_CLASS as TYPES } from "@/lib/positions/position-rules";
import { formatOccSymbol } from "@/lib/risk/black-scholes";
import type { InvestmentClass as Class, PositionType } from "@/lib/risk/position-exposure";
import { positionsQueryKey } from "./query-keys";

const TYPE_LABELS: Record<PositionType, string> = { LONG: "Long", SHORT: "Short", LC: "Long call", LP: "Long put", SC: "Short call", SP: "Short put" };

const EMPTY = { investmentClass: "PUBLIC" as Class, positionType: "LONG" as PositionType, symbol: "", label: "", subtype: "OTHER", underlying: "", strike: "", expiry: "", size: "", entryPrice: "", entryDate: "" };

/** The OCC symbol of the option being entered, or null while its parts are incomplete. */
function occSymbol(f: typeof EMPTY): string | null {
  try {
    return formatOccSymbol({ root: f.underlying, expiry: f.expiry, right: f.positionType === "LC" || f.positionType === "SC" ? "C" : "P", strike: Number(f.strike) });
  } catch {
    return null;
  }
}

export function AddPositionForm({ portfolioId }: { portfolioId: string }) {
  const queryClient = useQueryClient();
  const symbols = useApi("symbols");
  const [f, setF] = useState(EMPTY);
  const add = useMutation({
    mutationFn: (body: PositionCreateBody) => sendEndpoint("positionCreate", body, portfolioId),
    onSuccess: () => {
      setF({ ...EMPTY, investmentClass: f.investmentClass, positionType: f.positionType, entryDate: f.entryDate });
      return queryClient.invalidateQueries({ queryKey: positionsQueryKey(portfolioId) });
    },
  });
  const cls = f.investmentClass;
  const occ = cls === "OPTIONS" ? occSymbol(f) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const size = Math.abs(Number(f.size));
    add.mutate({
      symbol: cls === "PUBLIC" ? f.symbol : cls === "PRIVATE" ? f.label : (occ ?? `${f.underlying} option`),
      quantity: SHORT_TYPES.includes(f.positionType) ? -size : size,
      entryPrice: Number(f.entryPrice),
      entryDate: f.entryDate,
      positionType: f.positionType,
      investmentClass: cls,
      ...(cls === "PRIVATE" ? { subtype: f.subtype } : {}),
      ...(cls === "OPTIONS" ? { underlying: f.underlying, strike: Number(f.strike), expiry: f.expiry } : {}),
    });
  };
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setF({ ...f, [key]: e.target.value });
  // Any ticker: the listed ones are suggested; another is looked up with the market data vendor when the
  // position is added (the answer names the symbol if it cannot be).
  const symbolChoice = (key: "symbol" | "underlying", label: string) => (
    <label>
      {label}
      <input
        required
        list="listed-symbols"
        value={f[key]}
        onChange={(e) => setF({ ...f, [key]: e.target.value.toUpperCase() })}
        autoComplete="off"
        spellCheck={false}
        placeholder={symbols.isPending ? "Loading…" : "Ticker"}
        data-testid={`add-${key}`}
      />
    </label>
  );

  return (
    <section className="panel" aria-labelledby="add-position-title" data-testid="add-position">
      <h2 id="add-position-title">Add a position</h2>
      {symbols.error && <p role="alert" className="error">Could not load the listed symbols: {symbols.error.message}</p>}
      <datalist id="listed-symbols">
        {symbols.data?.symbols.map((s) => (
          <option key={s.symbol} value={s.symbol}>
            {s.name}
          </option>
        ))}
      </datalist>
      <form className="inline-form" onSubmit={submit} data-testid="add-position-form">
        <label>
          Class
          <select value={cls} onChange={(e) => setF({ ...f, investmentClass: e.target.value as Class, positionType: TYPES[e.target.value as Class][0]! })} data-testid="add-class">
            <option value="PUBLIC">Stock or ETF</option>
            <option value="OPTIONS">Option</option>
            <option value="PRIVATE">Private holding</option>
          </select>
        </label>
        <label>
          Side
          <select value={f.positionType} onChange={set("positionType")} data-testid="add-type">
            {TYPES[cls].map((t) => (
              <option key={t} value={t}>{TYPE_LABELS[t]}</option>
            ))}
          </select>
        </label>
        {cls === "PUBLIC" && symbolChoice("symbol", "Symbol")}
        {cls === "OPTIONS" && (
          <>
            {symbolChoice("underlying", "Underlying")}
            <label>
              Strike
              <input required type="number" min="0" step="any" inputMode="decimal" value={f.strike} onChange={set("strike")} />
            </label>
            <label>
              Expiry
              <input required type="date" value={f.expiry} onChange={set("expiry")} />
            </label>
          </>
        )}
        {cls === "PRIVATE" && (
          <>
            <label>
              Name
              <input required maxLength={64} value={f.label} onChange={set("label")} data-testid="add-label" />
            </label>
            <label>
              Kind
              <select value={f.subtype} onChange={set("subtype")}>
                {SUBTYPES_BY_CLASS.PRIVATE.map((s) => (
                  <option key={s} value={s}>{s.replaceAll("_", " ").toLowerCase()}</option>
                ))}
              </select>
            </label>
          </>
        )}
        <label>
          {cls === "OPTIONS" ? "Contracts" : cls === "PRIVATE" ? "Units" : "Shares"}
          <input required type="number" min="0" step="any" inputMode="decimal" value={f.size} onChange={set("size")} data-testid="add-size" />
        </label>
        <label>
          {cls === "OPTIONS" ? "Premium per share" : "Entry price"}
          <input required type="number" min="0" step="any" inputMode="decimal" value={f.entryPrice} onChange={set("entryPrice")} data-testid="add-entry-price" />
        </label>
        <label>
          Entry date
          <input required type="date" value={f.entryDate} onChange={set("entryDate")} data-testid="add-entry-date" />
        </label>
        <div className="actions">
          <button type="submit" disabled={add.isPending} data-testid="add-submit">Add position</button>
        </div>
      </form>
      {cls === "OPTIONS" && <p className="muted small-print">OCC symbol: {occ ?? "not available until underlying, strike and expiry are set"}</p>}
      {add.error && <p role="alert" className="error" data-testid="add-error">{add.error.message}</p>}
      {add.data && (
        <p role="status" className="pos" data-testid="add-done">
          Added {add.data.position.symbol}. {add.data.message}
        </p>
      )}
    </section>
  );
}
