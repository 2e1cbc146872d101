import type { ReactNode } from "react";

/**
 * The public site: open to anyone, no account. The header, footer and demo
 * notice come from the root layout, shared with the private spaces; nothing
 * here may depend on who is signed in, so these pages stay cacheable.
 */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
