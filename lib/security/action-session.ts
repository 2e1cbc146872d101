/**
 * Server actions called in-process by the integration tests, outside Next's
 * request: what Next and Auth.js would read from the request is replaced,
 * everything else is the real code on the real test PostgreSQL.
 *
 * Import this module before any module that reads the database or the
 * session (its `vi.mock` calls apply to modules imported after it, so the
 * actions are imported dynamically by the tests):
 * - Auth.js's session is the user the test runs as (`as(userId, …)`); the
 *   real `getCurrentUser` then reads the principal from the database.
 *   `signIn` and `signOut` record their arguments (`authCalls`) instead of
 *   talking to Auth.js; `next-auth` itself is reduced to its `AuthError`.
 * - `next/cache` does nothing (no Next server to revalidate).
 * - `next/headers`: the request has no header and an empty cookie jar
 *   (`cookieJar` shows what an action set).
 * - DATABASE_URL is the run's database, for the actions' shared client.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { vi } from "vitest";

process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;

const session = new AsyncLocalStorage<string | null>();

/** What the replaced signIn / signOut were asked to do, in order. */
export const authCalls: { fn: "signIn" | "signOut"; args: unknown[] }[] = [];
/** Cookies set by an action (name → value). */
export const cookieJar = new Map<string, string>();

vi.mock("@/lib/auth/auth", () => ({
  auth: async () => {
    const id = session.getStore();
    return id ? { user: { id } } : null;
  },
  signIn: async (...args: unknown[]) => {
    authCalls.push({ fn: "signIn", args });
  },
  signOut: async (...args: unknown[]) => {
    authCalls.push({ fn: "signOut", args });
  },
}));
// next-auth itself needs Next's server modules; the actions only use its error class.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/cache", () => ({
  unstable_cache: <F>(fn: F) => fn,
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined),
    set: (name: string, value: string) => void cookieJar.set(name, value),
    delete: (name: string) => void cookieJar.delete(name),
  }),
}));

/** Runs `fn` as the signed-in user `userId` (null: signed out). */
export function as<T>(userId: string | null, fn: () => Promise<T>) {
  return session.run(userId, fn);
}

/**
 * How a call ended: the action's result, or what Next's navigation functions
 * threw (they throw an error carrying a `digest`): `redirect()` (with its
 * address), `notFound()` (404), `forbidden()` (403), `unauthorized()` (401).
 */
export type Outcome =
  | { kind: "result"; result: unknown }
  | { kind: "redirect"; to: string }
  | { kind: "http"; status: number };

export async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { kind: "result", result: await run() };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;"))
      return { kind: "redirect", to: digest.split(";")[2] ?? "" };
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;"))
      return { kind: "http", status: Number(digest.split(";")[1]) };
    throw error;
  }
}

/** Every module of lib/ and app/ that starts with "use server": each export is a public POST endpoint. */
export function serverActionModules(root = process.cwd()) {
  const files: string[] = [];
  for (const dir of ["lib", "app"]) {
    for (const entry of readdirSync(path.join(root, dir), { recursive: true }).map(String)) {
      if (!/\.(ts|tsx)$/.test(entry) || /\.test\.tsx?$/.test(entry)) continue;
      const file = path.join(root, dir, entry);
      if (/^\s*["']use server["']/.test(readFileSync(file, "utf8"))) files.push(file);
    }
  }
  return files.sort();
}

/**
 * Every exported server action, found by importing each "use server" module:
 * its exported functions (Next makes each an endpoint, whatever its name).
 */
export async function discoverServerActions(root = process.cwd()) {
  const actions: { name: string; file: string; fn: (...args: never[]) => Promise<unknown> }[] = [];
  for (const file of serverActionModules(root)) {
    const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === "function")
        actions.push({ name, file: path.relative(root, file), fn: value as never });
    }
  }
  return actions;
}
