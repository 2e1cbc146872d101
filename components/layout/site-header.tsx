import Link from "next/link";
import { DemoNotice } from "./demo-notice";
import { MainNav } from "./main-nav";

export const SERVICE_NAME = "Coopération décentralisée — Appels à projets";
export const SERVICE_OWNER = "Ministère de l’Europe et des Affaires étrangères · DCTCIV";

export function SiteHeader() {
  return (
    <header className="border-b border-grey-200 bg-white">
      <DemoNotice />
      <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-4">
        {/* A blue-white-red mark; decorative, the service name carries the meaning. */}
        <span aria-hidden="true" className="flex h-10 w-3 shrink-0 flex-col">
          <span className="flex-1 bg-blue-france" />
          <span className="flex-1 bg-white ring-1 ring-grey-200 ring-inset" />
          <span className="flex-1 bg-red-marianne" />
        </span>
        <div>
          <p className="text-lg leading-tight font-bold sm:text-xl">
            <Link href="/" prefetch={false} className="text-grey-950 no-underline hover:underline">
              {SERVICE_NAME}
            </Link>
          </p>
          <p className="text-sm text-grey-600">{SERVICE_OWNER}</p>
        </div>
      </div>
      <MainNav />
    </header>
  );
}
