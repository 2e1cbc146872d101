import { type EmbeddedServer, ensureDatabaseExists, startEmbeddedPostgres } from "./embedded";

export const EMBEDDED_DATABASE = "cooperation";

export type DatabaseHandle = {
  url: string;
  /** True when the project's own PostgreSQL is in use (DATABASE_URL not set). */
  embedded: boolean;
  server?: EmbeddedServer;
  stop: () => Promise<void>;
};

/**
 * DATABASE_URL when set; otherwise start (or reuse) the embedded PostgreSQL and
 * make sure its application database exists.
 */
export async function openDatabase(log: (line: string) => void = console.log): Promise<DatabaseHandle> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({ log });
  await ensureDatabaseExists(server.urlFor("postgres"), EMBEDDED_DATABASE);
  return { url: server.urlFor(EMBEDDED_DATABASE), embedded: true, server, stop: server.stop };
}

/** Whether a database URL points at this machine (db:reset refuses others unless forced). */
export function isLocalDatabase(url: string) {
  const host = new URL(url).hostname;
  return ["localhost", "127.0.0.1", "::1", "[::1]"].includes(host);
}
