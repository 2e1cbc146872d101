import { createDb } from "../client";

/** The integration run's database (see global-setup.ts). */
export function testDb() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error("TEST_DATABASE_URL is not set: run integration tests with `npm run test:integration`.");
  return createDb(url, { max: 4 });
}

/** Awaits a query that must fail, and returns PostgreSQL's own error (drizzle wraps it as `cause`). */
export async function pgError(query: PromiseLike<unknown>) {
  try {
    await query;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause ?? error;
    return cause as Error & { code?: string; constraint_name?: string };
  }
  throw new Error("The query succeeded but was expected to fail.");
}
