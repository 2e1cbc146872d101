/** The answers the export route handlers share when they do not send the file. */

/** A download link followed while signed out: sign in, then come back to the page of the list. */
export function signIn(callbackPath: string) {
  return new Response(null, {
    status: 303,
    headers: { location: `/connexion?callbackUrl=${encodeURIComponent(callbackPath)}` },
  });
}

export function accessRefused() {
  return new Response("Accès refusé.", {
    status: 403,
    headers: { "cache-control": "private, no-store", "content-type": "text/plain; charset=utf-8" },
  });
}

/** An error before the first byte of the file (once it streams, the download itself breaks off). */
export function exportFailed() {
  return new Response("L’export n’a pas pu être préparé\u00a0: réessayez dans un instant.", {
    status: 500,
    headers: { "cache-control": "private, no-store", "content-type": "text/plain; charset=utf-8" },
  });
}
