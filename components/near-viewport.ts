"use client";
// Whether an element has come within a screen of the viewport (or the page is being printed); once true
// it stays true. Parts of a long page below the fold render only then: drawn all at once on load, the
// Risk Metrics sections and their charts blocked a phone's main thread for most of a second before the
// reader could scroll to them.
import { type RefObject, useEffect, useRef, useState } from "react";

export function useNearViewport<T extends Element>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const show = () => setNear(true);
    window.addEventListener("beforeprint", show);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), { rootMargin: "100% 0px" });
    observer.observe(element);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", show);
    };
  }, [near]);
  return [ref, near];
}
