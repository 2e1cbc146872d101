import { unstable_rethrow } from "next/navigation";
import type { Logger } from "pino";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { Principal } from "@/lib/authz/principal";
import { UUID } from "@/lib/ids";
import { log } from "@/lib/log";
import { REQUEST_ID_HEADER } from "@/lib/request-id";
import { z } from "@/lib/zod";

/**
 * The steps of a route handler acting for a signed-in user, in the order of
 * the server actions' pipeline (lib/actions/pipeline.ts), with answers that
 * are HTTP responses rather than form results:
 *
 * 1. the signed-in user, or the handler's own answer to a signed-out caller
 *    (`signedOut`: a 401 in JSON for an upload, a redirect to the sign-in page
 *    for a link opened in the browser). It gets the route's params once read
 *    by their schema, or null when they are malformed: a raw param may be any
 *    string (a lone surrogate makes encodeURIComponent throw), so none is
 *    echoed into a redirect;
 * 2. the route's params read with their schema: a malformed id is the
 *    handler's « not found », as a record that does not exist;
 * 3. `access`: loads the resource and asks the policy; refuses by `deny()`ing
 *    with the response to send (403, 404…), before the body is read;
 * 4. `run`: reads the body if any and answers;
 * 5. any other error is logged (with the request id, the handler's name and
 *    the user's id) and answered with the handler's `failed()` response.
 *
 * `anonymous: true` is for a handler that serves everyone and looks at the
 * session only for some resources (a follow-up image is public once its page
 * is): no step 1, `user` is null, and `access` may call getCurrentUser itself.
 */

/** Thrown by `deny`: the response the handler answers with. */
export class RouteRefusal extends Error {
  constructor(readonly response: Response) {
    super(`refused with ${response.status}`);
  }
}

/** Ends the handler with this response (a refusal of `access`, a body that cannot be read…). */
export function deny(response: Response): never {
  throw new RouteRefusal(response);
}

type RawParams = Record<string, string | string[] | undefined>;

type Steps<U, P, R> = {
  /** For the log: the route, e.g. "GET /api/files/[id]". */
  name: string;
  params?: { from: Promise<RawParams>; schema: z.ZodType<P>; notFound: () => Response };
  access?: (user: U, params: P) => Promise<R> | R;
  run: (ctx: { user: U; params: P; resource: R; log: Logger }) => Promise<Response> | Response;
  /** The answer to an unexpected error, in the handler's own shape. */
  failed: () => Response;
};

export type RouteSpec<P, R> = Steps<Principal, P, R> & {
  anonymous?: false;
  /** The answer to a signed-out caller, given the route's params if they are well-formed. */
  signedOut: (params: P | null) => Response;
};
export type AnonymousRouteSpec<P, R> = Steps<null, P, R> & { anonymous: true };

export function runRoute<P = undefined, R = undefined>(
  request: Request,
  spec: RouteSpec<P, R>,
): Promise<Response>;
export function runRoute<P = undefined, R = undefined>(
  request: Request,
  spec: AnonymousRouteSpec<P, R>,
): Promise<Response>;
export async function runRoute<P, R>(
  request: Request,
  spec: RouteSpec<P, R> | AnonymousRouteSpec<P, R>,
): Promise<Response> {
  // The request's own headers, set by proxy.ts: no headers() call, nothing that could touch a cached render.
  const context = { requestId: request.headers.get(REQUEST_ID_HEADER), handler: spec.name };
  let logger = log.child({ ...context, userId: null });
  try {
    const parsed = spec.params ? spec.params.schema.safeParse(await spec.params.from) : null;
    const params = (parsed?.success ? parsed.data : undefined) as P;
    let user: Principal | null = null;
    if (!spec.anonymous) {
      user = await getCurrentUser();
      if (!user) return spec.signedOut(parsed && !parsed.success ? null : params);
      logger = log.child({ ...context, userId: user.id });
    }
    if (spec.params && parsed && !parsed.success) return spec.params.notFound();
    const steps = spec as Steps<Principal | null, P, R>;
    const resource = (steps.access ? await steps.access(user, params) : undefined) as R;
    return await steps.run({ user, params, resource, log: logger });
  } catch (error) {
    if (error instanceof RouteRefusal) return error.response;
    unstable_rethrow(error);
    logger.error({ err: error }, "route handler failed");
    return spec.failed();
  }
}

/** The params of a route with one id (`[id]`): a UUID, or the route's « not found ». */
export const idParams = z.object({ id: z.string().regex(UUID) });
