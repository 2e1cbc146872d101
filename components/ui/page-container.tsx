import type { ReactNode } from "react";

/** The content column of a page. */
export function PageContainer({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <div className={`fr-container w-full py-8 ${className}`}>{children}</div>;
}
