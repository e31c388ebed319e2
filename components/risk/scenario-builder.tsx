"use client";
// The scenario builder under the stress table: the caller's custom scenarios (their own, and those an
// admin shares with every book) with edit and delete for those they own, and a form for a new one —
// a shock per factor and a rate shock in bp, or a replay of the factor proxies between two dates.
// Saving recomputes the books that compute the scenario (the status line above shows the progress).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { SectionFailure } from "@/components/section-failure";
import { useApi } from "@/components/use-api";
import { sendEndpoint } from "@/lib/contracts/client";
import type { ScenarioSummary, ScenarioUpdateBody } from "@/lib/contracts/scenarios";
import { FACTORS } from "@/lib/factors/registry";
import { SHOCKABLE_FACTORS, type ShockableFactor } from "@/lib/stress/scenarios";

type FixedFactor = Exclude<ShockableFactor, "IR">;
const FIXED_FACTORS = SHOCKABLE_FACTORS.filter((f): f is FixedFactor => f !== "IR");
const CATEGORIES = [
  ["market", "Market"],
  ["rates", "Rates"],
  ["style", "Style"],
  ["historical", "Historical replay"],
] as const;

interface Draft {
  name: string;
  description: string;
  category: ScenarioSummary["category"];
  kind: "fixed" | "replay";
  /** Percent, as typed. */
  factors: Partial<Record<FixedFactor, string>>;
  rateBp: string;
  from: string;
  to: string;
}

const EMPTY: Draft = { name: "", description: "", category: "market", kind: "fixed", factors: {}, rateBp: "", from: "", to: "" };

function draftOf(s: ScenarioSummary): Draft {
  if (s.shocks.kind === "replay") return { ...EMPTY, name: s.name, description: s.description, category: s.category, kind: "replay", from: s.shocks.from, to: s.shocks.to };
  const factors = Object.fromEntries(Object.entries(s.shocks.factors).map(([f, v]) => [f, String(Math.round(v * 1e6) / 1e4)]));
  return { ...EMPTY, name: s.name, description: s.description, category: s.category, factors, rateBp: s.shocks.rateBp === undefined ? "" : String(s.shocks.rateBp) };
}

/** The body the API takes; the server checks it and names any bad field. */
function bodyOf(d: Draft): ScenarioUpdateBody {
  const base = { name: d.name.trim(), description: d.description.trim(), category: d.category };
  if (d.kind === "replay") return { ...base, shocks: { kind: "replay", from: d.from, to: d.to } };
  const factors = Object.fromEntries(Object.entries(d.factors).filter(([, v]) => v !== undefined && v.trim() !== "").map(([f, v]) => [f, Number(v) / 100]));
  return { ...base, shocks: { kind: "fixed", factors, ...(d.rateBp.trim() === "" ? {} : { rateBp: Number(d.rateBp) }) } };
}

/** A key from the name: CUSTOM_ and the name in capitals (keys are unique per manager). */
const keyOf = (name: string) => `CUSTOM_${name.toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_|_$/g, "").slice(0, 57) || "SCENARIO"}`;

function describeShocks(s: ScenarioSummary): string {
  if (s.shocks.kind === "replay") return `replay of ${s.shocks.from} → ${s.shocks.to}`;
  const parts = Object.entries(s.shocks.factors).map(([f, v]) => `${FACTORS[f as FixedFactor].displayName} ${v > 0 ? "+" : ""}${(v * 100).toFixed(1)} %`);
  if (s.shocks.rateBp !== undefined) parts.push(`rates ${s.shocks.rateBp > 0 ? "+" : ""}${s.shocks.rateBp} bp`);
  return parts.join(", ");
}

function ScenarioForm({ editing, onDone }: { editing: ScenarioSummary | null; onDone: () => void }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(editing ? draftOf(editing) : EMPTY);
  const save = useMutation({
    mutationFn: () => (editing ? sendEndpoint("updateScenario", bodyOf(draft), editing.key) : sendEndpoint("createScenario", { ...bodyOf(draft), key: keyOf(draft.name) })),
    onSuccess: async () => {
      await client.invalidateQueries();
      if (editing) onDone();
      else setDraft(EMPTY);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  return (
    <form onSubmit={submit} aria-label={editing ? `Edit ${editing.name}` : "New scenario"} className="scenario-form">
      <div className="row wrap">
        <label className="field">
          <span>Name</span>
          <input required maxLength={120} value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label className="field">
          <span>Category</span>
          <select value={draft.category} onChange={(e) => set({ category: e.target.value as Draft["category"] })}>
            {CATEGORIES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>Description</span>
          <input maxLength={500} value={draft.description} onChange={(e) => set({ description: e.target.value })} />
        </label>
      </div>
      <fieldset className="row wrap">
        <legend>Shocks</legend>
        <label>
          <input type="radio" name="kind" checked={draft.kind === "fixed"} onChange={() => set({ kind: "fixed" })} /> Factor shocks
        </label>
        <label>
          <input type="radio" name="kind" checked={draft.kind === "replay"} onChange={() => set({ kind: "replay" })} /> Replay of two dates
        </label>
      </fieldset>
      {draft.kind === "fixed" ? (
        <div className="row wrap">
          {FIXED_FACTORS.map((f) => (
            <label key={f} className="field">
              <span>{FACTORS[f].displayName} (%)</span>
              <input inputMode="decimal" size={6} value={draft.factors[f] ?? ""} onChange={(e) => set({ factors: { ...draft.factors, [f]: e.target.value } })} />
            </label>
          ))}
          <label className="field">
            <span>Rates (bp)</span>
            <input inputMode="numeric" size={6} value={draft.rateBp} onChange={(e) => set({ rateBp: e.target.value })} />
          </label>
        </div>
      ) : (
        <div className="row wrap">
          <label className="field">
            <span>From</span>
            <input type="date" required value={draft.from} onChange={(e) => set({ from: e.target.value })} />
          </label>
          <label className="field">
            <span>To</span>
            <input type="date" required value={draft.to} onChange={(e) => set({ to: e.target.value })} />
          </label>
        </div>
      )}
      <div className="row wrap">
        <button type="submit" disabled={save.isPending}>
          {editing ? "Save scenario" : "Add scenario"}
        </button>
        {editing && (
          <button type="button" className="secondary" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
      <div aria-live="polite">
        {save.isError && (
          <p role="alert" className="error">
            {save.error.message}
          </p>
        )}
        {save.isSuccess && <p role="status">{save.data.message}</p>}
      </div>
    </form>
  );
}

function ScenarioItem({ scenario }: { scenario: ScenarioSummary }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({ mutationFn: () => sendEndpoint("deleteScenario", {}, scenario.key), onSuccess: () => client.invalidateQueries() });
  return (
    <li data-testid={`scenario-${scenario.name}`}>
      <strong>{scenario.name}</strong> <span className="badge">{scenario.scope === "shared" ? "shared by an admin" : "yours"}</span>{" "}
      <span className="muted">{describeShocks(scenario)}</span>
      {scenario.editable && !editing && (
        <span className="row wrap">
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            Edit <span className="sr-only">{scenario.name}</span>
          </button>
          {confirming ? (
            <button type="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
              Confirm delete <span className="sr-only">{scenario.name}</span>
            </button>
          ) : (
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              Delete <span className="sr-only">{scenario.name}</span>
            </button>
          )}
        </span>
      )}
      {remove.isError && (
        <p role="alert" className="error">
          {remove.error.message}
        </p>
      )}
      {editing && <ScenarioForm editing={scenario} onDone={() => setEditing(false)} />}
    </li>
  );
}

export function ScenarioBuilder() {
  const query = useApi("scenarios");
  const custom = query.data?.scenarios.filter((s) => s.scope !== "built-in" && (s.scope === "shared" || s.editable)) ?? [];
  return (
    <section className="panel" aria-labelledby="scenario-builder-heading" data-testid="scenario-builder">
      <h2 id="scenario-builder-heading">Custom scenarios</h2>
      {query.isPending && <p className="muted">Loading the custom scenarios…</p>}
      {query.isError && <SectionFailure what="the custom scenarios" error={query.error} retrying={query.isFetching} retry={() => void query.refetch()} />}
      {query.data && (custom.length ? <ul className="scenario-list">{custom.map((s) => <ScenarioItem key={s.key} scenario={s} />)}</ul> : <p className="muted">No custom scenario yet.</p>)}
      <h3>New scenario</h3>
      <ScenarioForm editing={null} onDone={() => undefined} />
    </section>
  );
}
