/**
 * Runs once when the server starts: opens the database (the embedded
 * PostgreSQL unless DATABASE_URL is set), applies migrations and loads the
 * official organisations and, in demo mode, the demo data. Requests wait for it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startDatabase } = await import("./db/startup");
  await startDatabase();
}
