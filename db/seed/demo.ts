import type { Database } from "../client";
export async function seedDemo(_db: Database): Promise<boolean> {
  return false;
}
