/** Types of route-cache-handler.mjs (plain JavaScript, loaded by Next at run time). */
export const DEFAULT_MAX_ENTRIES: number;
export function maxEntriesFrom(env: Record<string, string | undefined>): number;
export function isKept(data: unknown): boolean;
export default class BoundedFileSystemCache {
  constructor(ctx: {
    fs: unknown;
    dev?: boolean;
    flushToDisk?: boolean;
    serverDistDir: string;
    maxMemoryCacheSize?: number;
    revalidatedTags?: string[];
  });
  get(key: string, ctx: { kind: string; [name: string]: unknown }): Promise<unknown>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
}
