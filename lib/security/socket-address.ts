import http from "node:http";
import https from "node:https";
import { SOCKET_ADDRESS_HEADER } from "./client-address";

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
const PATCHED = Symbol.for("cooperation.socket-address");

/**
 * Writes each request's TCP peer address into SOCKET_ADDRESS_HEADER before
 * Next reads it, replacing any value the client sent: the only way, without a
 * custom server, for route handlers and server actions to know the socket
 * address (client-address.ts says why). Called once from instrumentation.ts,
 * which runs in the process that owns the HTTP server (`next start`, `next dev`).
 */
export function recordSocketAddresses() {
  for (const Server of [http.Server, https.Server]) {
    const prototype = Server.prototype as unknown as { emit: Emit; [PATCHED]?: true };
    if (prototype[PATCHED]) continue;
    const emit = prototype.emit;
    prototype.emit = function (this: unknown, event, ...args) {
      if (event === "request") stamp(args[0] as http.IncomingMessage);
      return emit.call(this, event, ...args);
    };
    prototype[PATCHED] = true;
  }
}

export function stamp(request: http.IncomingMessage) {
  const address = request.socket?.remoteAddress;
  if (address) request.headers[SOCKET_ADDRESS_HEADER] = address;
  else delete request.headers[SOCKET_ADDRESS_HEADER];
}
