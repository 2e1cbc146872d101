import type { Database } from "../client";
export async function seedScale(_db: Database, _options: { count: number }) {
  return {};
}
