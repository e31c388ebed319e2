"use client";
// CSV import: read a file (or pasted text), preview every row with its errors, commit only when all
// rows are valid. The server checks everything again on commit.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ChangeEvent } from "react";
import { sendEndpoint } from "@/lib/contracts/client";
import { CSV_COLUMNS } from "@/lib/positions/csv-columns";
import { positionsQueryKey } from "./query-keys";
import { TableRegion } from "@/components/table-region";

const MAX_FILE_BYTES = 900_000;

/** The file as UTF-8 text; bytes that are not UTF-8 become U+FFFD, which the server reports by cell. */
async function readCsvFile(file: File): Promise<{ text: string; notUtf8: boolean }> {
  const bytes = await file.arrayBuffer();
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), notUtf8: false };
  } catch {
    return { text: new TextDecoder("utf-8").decode(bytes), notUtf8: true };
  }
}

/** `onImported`: where a caller goes next (the New portfolio flow opens the book's page). */
export function PositionImport({ portfolioId, onImported }: { portfolioId: string; onImported?: () => void }) {
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const preview = useMutation({ mutationFn: (text: string) => sendEndpoint("importPreview", { csv: text, mode: "preview" }, portfolioId) });
  const commit = useMutation({
    mutationFn: (text: string) => sendEndpoint("importCommit", { csv: text, mode: "commit" }, portfolioId),
    onSuccess: async () => {
      preview.reset();
      setCsv("");
      await queryClient.invalidateQueries({ queryKey: positionsQueryKey(portfolioId) });
      onImported?.();
    },
  });

  const changeText = (text: string) => {
    setCsv(text);
    preview.reset();
    commit.reset();
  };
  const pickFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setNotice(`The file is ${Math.round(file.size / 1000)} kB: the import takes at most ${MAX_FILE_BYTES / 1000} kB.`);
      return;
    }
    const { text, notUtf8 } = await readCsvFile(file);
    setNotice(notUtf8 ? "The file is not valid UTF-8: cells with unreadable bytes are flagged below. Save it as UTF-8 and try again." : null);
    changeText(text);
    preview.mutate(text);
  };

  const p = preview.data;
  const errorsByRow = new Map<number, { field: string | null; message: string }[]>();
  for (const e of p?.errors ?? []) errorsByRow.set(e.row, [...(errorsByRow.get(e.row) ?? []), e]);
  const fileErrors = (p?.errors ?? []).filter((e) => !p?.rows.some((r) => r.row === e.row));
  const canCommit = p !== undefined && p.valid && !commit.isPending;

  return (
    <section className="panel" data-testid="import-section">
      <h2>Import positions from CSV</h2>
      <p className="muted small-print">
        Columns: <code>{CSV_COLUMNS.join(",")}</code>. Rows are added to the portfolio; all of them or none.
      </p>
      <div className="import-inputs">
        <label>
          CSV file <input type="file" accept=".csv,text/csv,text/plain" data-testid="import-file" onChange={pickFile} />
        </label>
        <label className="grow">
          or paste CSV text
          <textarea rows={5} value={csv} data-testid="import-text" onChange={(e) => changeText(e.target.value)} spellCheck={false} />
        </label>
      </div>
      <div className="actions">
        <button type="button" className="secondary" data-testid="import-preview" disabled={csv.trim() === "" || preview.isPending} onClick={() => preview.mutate(csv)}>
          Preview
        </button>
        <button type="button" data-testid="import-commit" disabled={!canCommit} onClick={() => commit.mutate(csv)}>
          Import {p?.valid ? `${p.rowCount} positions` : ""}
        </button>
      </div>
      {notice && <p className="error" role="alert">{notice}</p>}
      {preview.error && <p className="error" role="alert" data-testid="import-error">{preview.error.message}</p>}
      {commit.error && <p className="error" role="alert" data-testid="import-error">{commit.error.message}</p>}
      {commit.data && (
        <p className="pos" data-testid="import-done">
          Imported {commit.data.created} positions. {commit.data.message}
        </p>
      )}
      {p && (
        <>
          <p className={p.valid ? "pos" : "error"} data-testid="import-summary" role="status">
            {p.valid ? `${p.rowCount} rows ready to import.` : `${p.errors.length} error(s) in ${errorsByRow.size} row(s): fix the file and preview again. Nothing is imported while a row is invalid.`}
          </p>
          {fileErrors.length > 0 && (
            <ul className="error" data-testid="import-file-errors">
              {fileErrors.map((e) => (
                <li key={`${e.row}-${e.field}-${e.message}`}>Row {e.row}{e.field ? `, ${e.field}` : ""}: {e.message}</li>
              ))}
            </ul>
          )}
          {p.rows.length > 0 && (
            <TableRegion label="Import preview">
              <table data-testid="import-preview-table" className="dense">
                <thead>
                  <tr>
                    <th>Row</th>
                    {CSV_COLUMNS.map((c) => (
                      <th key={c}>{c}</th>
                    ))}
                    <th>Problems</th>
                  </tr>
                </thead>
                <tbody>
                  {p.rows.map((r) => {
                    const errs = errorsByRow.get(r.row) ?? [];
                    return (
                      <tr key={r.row} data-testid={`import-row-${r.row}`} className={errs.length ? "invalid" : ""}>
                        <td>{r.row}</td>
                        {CSV_COLUMNS.map((c) => (
                          <td key={c} className={errs.some((e) => e.field === c) ? "cell-error" : ""}>{r.values[c] ?? ""}</td>
                        ))}
                        <td data-testid="import-row-errors">
                          {errs.length === 0 ? <span className="pos">ok</span> : errs.map((e) => <div key={`${e.field}-${e.message}`} className="error">{e.field ?? "row"}: {e.message}</div>)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableRegion>
          )}
        </>
      )}
    </section>
  );
}
