import { headers } from "next/headers";
import { addressKey } from "@/lib/security/client-address";

/** The client's address for this request's rate limits (lib/security/client-address.ts), or the shared "unknown" key. */
export async function clientIp() {
  return addressKey(await headers());
}
