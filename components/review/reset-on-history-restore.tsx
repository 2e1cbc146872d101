"use client";

import { useEffect, useRef } from "react";

/**
 * Resets the enclosing form to the values it was rendered with (its default
 * values, which the server took from the URL) when the browser shows the page
 * again from its back/forward cache: the page is then the one left, with the
 * values typed but never submitted, over a list that does not reflect them.
 */
export function ResetOnHistoryRestore() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) ref.current?.closest("form")?.reset();
    };
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, []);
  return <span ref={ref} hidden />;
}
