"use client";
// The report's "Print" button: the browser's print dialog (the page's print stylesheet makes it one page).
export function PrintButton() {
  return (
    <button type="button" className="small no-print" onClick={() => window.print()} data-testid="report-print">
      Print
    </button>
  );
}
