// VaR and ES rows (historical and parametric, 95 % and 99 %) as one table, losses shown negative as in
// the stress tests: a book's VaR section and the combined view of several books.
import { TableRegion } from "@/components/table-region";
import type { VarRow } from "@/lib/contracts/analytics";
import { formatLossPct, formatLossUsd, formatPct, lossClass } from "@/lib/format";

type Row = Pick<VarRow, "var" | "varPct" | "es" | "esPct"> & { method: VarRow["method"]; confidence: number };

export function VarRowsTable({ rows, label, testId }: { rows: readonly Row[]; label: string; testId?: string }) {
  return (
    <>
      <TableRegion label={label}>
        <table data-testid={testId}>
          <thead>
            <tr>
              <th>Method</th>
              <th>Confidence</th>
              <th className="num">VaR</th>
              <th className="num">VaR % NAV</th>
              <th className="num">ES</th>
              <th className="num">ES % NAV</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.method}-${r.confidence}`} data-testid={`var-row-${r.method}-${r.confidence * 100}`}>
                <td>{r.method}</td>
                <td>{formatPct(r.confidence, 0)}</td>
                <td className={`num ${lossClass(r.var)}`} data-testid="var-dollars">{formatLossUsd(r.var)}</td>
                <td className={`num ${lossClass(r.varPct)}`}>{formatLossPct(r.varPct)}</td>
                <td className={`num ${lossClass(r.es)}`} data-testid="es-dollars">{formatLossUsd(r.es)}</td>
                <td className={`num ${lossClass(r.esPct)}`}>{formatLossPct(r.esPct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p className="muted small-print">Losses are shown negative, as in the stress tests: VaR is the 1-day loss exceeded with the given probability, ES the average loss beyond it.</p>
    </>
  );
}
