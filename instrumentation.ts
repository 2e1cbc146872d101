/**
 * Runs once when the server starts: opens the database (the embedded
 * PostgreSQL unless DATABASE_URL is set), applies migrations and loads the
 * official organisations and, in demo mode, the demo data. Requests wait for it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, so that rate limits see each request's socket address (lib/security/client-address.ts).
  const { recordSocketAddresses } = await import("./lib/security/socket-address");
  recordSocketAddresses();
  const { startDatabase } = await import("./db/startup");
  await startDatabase();
  // Pages cached before this start (by `next build` or an earlier run) may show an older database.
  const { jobLog } = await import("./lib/log");
  const { expirePublicCacheAtStartup } = await import("./lib/public/startup-cache");
  const cacheLog = jobLog("cache");
  expirePublicCacheAtStartup((line) => cacheLog.info(line));
  // Files left by uploads that died before their row was written (lib/files/orphans.ts), in the background.
  const { removeOrphanFilesAtStartup } = await import("./lib/files/orphans");
  const filesLog = jobLog("orphan-files");
  void removeOrphanFilesAtStartup((line) => filesLog.info(line));
}
