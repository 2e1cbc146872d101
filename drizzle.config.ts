import { defineConfig } from "drizzle-kit";

// Used only by `drizzle-kit generate`: migrations are generated from the schema
// and committed; they are applied at start-up by db/migrate.ts, never pushed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
