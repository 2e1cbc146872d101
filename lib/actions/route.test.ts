import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/authz/principal";
import { log } from "@/lib/log";
import { deny, idParams, runRoute } from "./route";

const session = vi.hoisted(() => ({ user: null as Principal | null }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => session.user }));

const someone: Principal = {
  id: "u",
  email: "u@example.org",
  name: null,
  isAdmin: false,
  isReviewer: false,
  networks: [],
  memberships: [],
};
const ID = "0b0a1f7e-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
const request = () =>
  new Request("http://localhost/api/things/x", { headers: { "x-request-id": "req-5678-efgh" } });
const text = (status: number, body: string) => new Response(body, { status });

/** A handler for one record: 401 signed out, 404 malformed or missing, 403 refused, 200 the record. */
function handle(id: string, allowed: boolean, run = vi.fn(async () => text(200, "the record"))) {
  const access = vi.fn((_user: Principal, params: { id: string }) => {
    if (params.id === ID.replace("0b", "ff")) deny(text(404, "Introuvable."));
    if (!allowed) deny(text(403, "Pas pour vous."));
    return { id: params.id };
  });
  return {
    access,
    run,
    response: runRoute(request(), {
      name: "GET /api/things/[id]",
      signedOut: (params) => text(401, `signed out at ${params?.id ?? "nothing"}`),
      params: { from: Promise.resolve({ id }), schema: idParams, notFound: () => text(404, "Introuvable.") },
      access,
      run,
      failed: () => text(500, "Échec."),
    }),
  };
}

beforeEach(() => {
  session.user = someone;
});

describe("the route helper", () => {
  it("answers a signed-out caller with the handler's answer, given the params read, and loads nothing", async () => {
    session.user = null;
    const { response, access } = handle(ID, true);
    const answer = await response;
    expect([answer.status, await answer.text()]).toEqual([401, `signed out at ${ID}`]);
    expect(access).not.toHaveBeenCalled();
  });

  it("gives a signed-out caller's answer no malformed param, which it might echo into a redirect", async () => {
    session.user = null;
    for (const id of ["garbage", "\ud800"]) {
      const answer = await handle(id, true).response;
      expect([answer.status, await answer.text()]).toEqual([401, "signed out at nothing"]);
    }
  });

  it("answers « not found » for a malformed id, before loading anything", async () => {
    const { response, access } = handle("garbage", true);
    expect((await response).status).toBe(404);
    expect(access).not.toHaveBeenCalled();
  });

  it("answers the access step's refusal, and runs nothing", async () => {
    const refused = handle(ID, false);
    const answer = await refused.response;
    expect([answer.status, await answer.text()]).toEqual([403, "Pas pour vous."]);
    expect(refused.run).not.toHaveBeenCalled();
    const missing = handle(ID.replace("0b", "ff"), true);
    expect((await missing.response).status).toBe(404);
    expect(missing.run).not.toHaveBeenCalled();
  });

  it("runs with the user, the parsed params and the resource", async () => {
    const { response, run } = handle(ID, true);
    expect(await (await response).text()).toBe("the record");
    expect(run).toHaveBeenCalledWith(
      expect.objectContaining({ user: someone, params: { id: ID }, resource: { id: ID } }),
    );
  });

  it("logs an unexpected error with the request id, the handler and the user, and answers `failed`", async () => {
    const error = vi.fn();
    const child = vi
      .spyOn(log, "child")
      .mockReturnValue({ error } as unknown as ReturnType<typeof log.child>);
    const { response } = handle(
      ID,
      true,
      vi.fn(async () => {
        throw new Error("disk full");
      }),
    );
    const answer = await response;
    expect([answer.status, await answer.text()]).toEqual([500, "Échec."]);
    expect(child).toHaveBeenLastCalledWith({
      requestId: "req-5678-efgh",
      handler: "GET /api/things/[id]",
      userId: "u",
    });
    expect(error).toHaveBeenCalledWith(
      { err: expect.objectContaining({ message: "disk full" }) },
      "route handler failed",
    );
    child.mockRestore();
  });

  it("lets Next's redirect through", async () => {
    const { response } = handle(
      ID,
      true,
      vi.fn(async () => redirect("/ailleurs")),
    );
    await expect(response).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });

  it("serves an anonymous handler without asking for a session", async () => {
    session.user = null;
    const answer = await runRoute(request(), {
      name: "GET /api/public",
      anonymous: true,
      run: ({ user }) => text(200, `user ${user}`),
      failed: () => text(500, "Échec."),
    });
    expect(await answer.text()).toBe("user null");
  });
});
