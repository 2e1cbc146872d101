import { headers } from "next/headers";

/** The client's IP as seen by the first trusted proxy (X-Forwarded-For's first entry), else unknown. */
export async function clientIp() {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
}
