import { isDemoDataLoaded } from "@/lib/demo";
import { log } from "@/lib/log";
import { publicCached } from "@/lib/public/cache";

// Read once per cache period rather than on every request (invalidated with the public content).
const cachedDemoDataLoaded = publicCached(isDemoDataLoaded, "demo-data-loaded");

async function demoDataLoaded() {
  try {
    return await cachedDemoDataLoaded();
  } catch (error) {
    // The notice must not take the whole page down with the database; the page itself will say what failed.
    // `log`, not `requestLog`: this renders inside cached pages, which must not read the request.
    log.error({ err: error, component: "demo-notice" }, "could not read app_meta");
    return false;
  }
}

/**
 * Shown on every page while the demo data is loaded, so nobody mistakes it for
 * real results. Read through the public cache, so it does not make pages
 * dynamic: a static public page shows it as it was when rendered.
 */
export async function DemoNotice() {
  if (!(await demoDataLoaded())) return null;
  return (
    <div className="fr-notice fr-notice--warning">
      <div className="fr-container">
        <div className="fr-notice__body">
          <p>
            <span className="fr-notice__title">Données de démonstration.</span>{" "}
            <span className="fr-notice__desc">
              Seuls les neuf projets lauréats 2025 d’Auvergne-Rhône-Alpes sont réels (collectivités,
              partenaires et objets des projets)&nbsp;; les appels à projets, les montants, les notes et les
              autres dossiers sont fictifs.
            </span>
          </p>
        </div>
      </div>
    </div>
  );
}
