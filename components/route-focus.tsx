"use client";
// After a client-side navigation, focus moves to the new page's main region (not left on <body> or on
// the link that was followed), so a keyboard or screen-reader user starts at the page's content.
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export function RouteFocus({ targetId }: { targetId: string }) {
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(targetId)?.focus({ preventScroll: true });
  }, [pathname, targetId]);
  return null;
}
