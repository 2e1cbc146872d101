import { createTestDatabase, openTestServer } from "./server";

/**
 * Vitest global setup of the integration project: one fresh database per run,
 * migrated and holding the official organisations, in TEST_DATABASE_URL.
 */
export default async function setup() {
  const server = await openTestServer((line) => console.log(`[test-db] ${line}`));
  const database = await createTestDatabase(server.serverUrl, "integration");
  process.env.TEST_DATABASE_URL = database.url;
  return async () => {
    await database.drop();
    await server.stop();
  };
}
