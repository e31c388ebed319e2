// A table wider than its box scrolls inside this region, which the keyboard can focus and a screen
// reader names; below 640 px the table's first column stays in view (`.sticky-mobile`).
import type { ReactNode } from "react";

export function TableRegion({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`table-wrap ${className}`.trim()} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
