import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Principal } from "@/lib/authz/principal";
import { log } from "@/lib/log";
import { DomainError, fail, GENERIC_ERROR, ok } from "@/lib/result";
import { z } from "@/lib/zod";
import { INVALID_FORM, NOT_SIGNED_IN, permit, refuse, runAction } from "./pipeline";

const session = vi.hoisted(() => ({ user: null as Principal | null }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => session.user }));
const revalidated = vi.hoisted(() => [] as string[]);
// vi.mock calls are hoisted above the imports: the pipeline sees these.
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => revalidated.push(path) }));
// The request id that proxy.ts gives every request.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-request-id": "req-1234-abcd" }) }));

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

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

/** An action on a record: the key, an access that may refuse, a title field. */
function act(formData: FormData, allowed: boolean, run = vi.fn(async () => ok("done"))) {
  return {
    run,
    result: runAction(formData, {
      name: "test",
      key: { schema: z.object({ id: z.uuid() }), fields: ["id"], notFound: "Introuvable." },
      access: (_user, { id }) => {
        if (id === ID.replace("0b", "ff")) refuse.notFound("Disparu.");
        permit(allowed, "Pas pour vous.");
        return { id };
      },
      input: { schema: z.object({ title: z.string().min(3, { error: "Trop court." }) }), read: ["title"] },
      run,
      revalidate: ({ key }) => [`/records/${key.id}`],
    }),
  };
}

beforeEach(() => {
  session.user = someone;
  revalidated.length = 0;
});

describe("the action pipeline", () => {
  it("refuses a signed-out caller before reading anything", async () => {
    session.user = null;
    const { result, run } = act(form({ id: "garbage" }), true);
    expect(await result).toEqual({ ok: false, code: "unauthenticated", message: NOT_SIGNED_IN });
    expect(run).not.toHaveBeenCalled();
  });

  it("answers « not found » for a malformed id, never a field error", async () => {
    const { result } = act(form({ id: "garbage", title: "" }), true);
    expect(await result).toMatchObject({ ok: false, code: "not_found", message: "Introuvable." });
  });

  it("asks the policy before validating the form: a refused user learns nothing of its rules", async () => {
    const { result, run } = act(form({ id: ID, title: "x" }), false);
    const refused = await result;
    expect(refused).toEqual({
      ok: false,
      code: "forbidden",
      message: "Pas pour vous.",
      fieldErrors: undefined,
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("passes on a refusal of the loader", async () => {
    const { result } = act(form({ id: ID.replace("0b", "ff"), title: "Titre" }), true);
    expect(await result).toMatchObject({ ok: false, code: "not_found", message: "Disparu." });
  });

  it("gives field errors in French to an allowed user, and runs nothing", async () => {
    const { result, run } = act(form({ id: ID, title: "x" }), true);
    expect(await result).toEqual({
      ok: false,
      code: "invalid",
      message: INVALID_FORM,
      fieldErrors: { title: ["Trop court."] },
    });
    expect(run).not.toHaveBeenCalled();
    expect(revalidated).toEqual([]);
  });

  it("runs with the parsed values and revalidates on success", async () => {
    const { result, run } = act(form({ id: ID, title: "  Un titre" }), true);
    expect(await result).toEqual({ ok: true, data: "done" });
    expect(run).toHaveBeenCalledWith(
      expect.objectContaining({
        user: someone,
        key: { id: ID },
        resource: { id: ID },
        input: { title: "  Un titre" },
      }),
    );
    expect(revalidated).toEqual([`/records/${ID}`]);
  });

  it("returns a DomainError thrown while running as its refusal, and revalidates nothing", async () => {
    const { result } = act(
      form({ id: ID, title: "Titre" }),
      true,
      vi.fn(async () => {
        throw new DomainError("state_changed", "Quelqu’un d’autre a agi.");
      }),
    );
    expect(await result).toMatchObject({
      ok: false,
      code: "state_changed",
      message: "Quelqu’un d’autre a agi.",
    });
    expect(revalidated).toEqual([]);
  });

  it("logs an unexpected error with the action's name, the request id and the user, and shows the generic message", async () => {
    const error = vi.fn();
    const child = vi
      .spyOn(log, "child")
      .mockReturnValue({ error } as unknown as ReturnType<typeof log.child>);
    const { result } = act(
      form({ id: ID, title: "Titre" }),
      true,
      vi.fn(async () => {
        throw new Error("connection reset");
      }),
    );
    expect(await result).toEqual({ ok: false, code: "unexpected", message: GENERIC_ERROR });
    expect(child).toHaveBeenCalledWith({ requestId: "req-1234-abcd", action: "test", userId: "u" });
    expect(error).toHaveBeenCalledWith(
      { err: expect.objectContaining({ message: "connection reset" }) },
      "action failed",
    );
    child.mockRestore();
  });

  it("lets Next's redirect through", async () => {
    const { result } = act(
      form({ id: ID, title: "Titre" }),
      true,
      vi.fn(async () => redirect("/ailleurs")),
    );
    await expect(result).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });

  it("tells a signed-out caller the form's own message when it has one", async () => {
    session.user = null;
    const result = await runAction(form({}), {
      name: "test",
      signedOut: "Session expirée\u00a0: ce que vous avez saisi reste affiché.",
      access: () => undefined,
      run: async () => ok(undefined),
    });
    expect(result).toEqual({
      ok: false,
      code: "unauthenticated",
      message: "Session expirée\u00a0: ce que vous avez saisi reste affiché.",
    });
  });

  it("reads the key with a function (an id inside a JSON payload), malformed still « not found »", async () => {
    const spec = (access: () => unknown) => ({
      name: "test",
      key: {
        schema: z.object({ id: z.uuid() }),
        read: (data: FormData) => JSON.parse(String(data.get("payload"))),
        notFound: "Introuvable.",
      },
      access,
      run: async ({ key }: { key: { id: string } }) => ok(key.id),
    });
    const access = vi.fn();
    expect(await runAction(form({ payload: JSON.stringify({ id: ID }) }), spec(access))).toEqual({
      ok: true,
      data: ID,
    });
    expect(access).toHaveBeenCalledWith(someone, { id: ID });
    const refused = vi.fn();
    expect(await runAction(form({ payload: JSON.stringify({ id: "1" }) }), spec(refused))).toMatchObject({
      ok: false,
      code: "not_found",
      message: "Introuvable.",
    });
    expect(refused).not.toHaveBeenCalled();
  });

  it("puts the form's own message above its field errors", async () => {
    const result = await runAction(form({ reviewerId: "" }), {
      name: "test",
      access: () => undefined,
      input: {
        schema: z.object({ reviewerId: z.string().min(1, { error: "Choisissez-en un." }) }),
        read: ["reviewerId"],
        message: "Choisissez un instructeur.",
      },
      run: async () => ok(undefined),
    });
    expect(result).toEqual({
      ok: false,
      code: "invalid",
      message: "Choisissez un instructeur.",
      fieldErrors: { reviewerId: ["Choisissez-en un."] },
    });
  });

  it("opens the page given after a success, once the paths are revalidated; not after a refusal", async () => {
    const spec = (outcome: "ok" | "refused") => ({
      name: "test",
      access: () => undefined,
      run: async () => (outcome === "ok" ? ok("new-id") : fail("closed", "Fermé.")),
      revalidate: () => ["/records"],
      redirect: ({ data }: { data: string }) => {
        expect(revalidated).toEqual(["/records"]);
        return `/records/${data}`;
      },
    });
    await expect(runAction(form({}), spec("ok"))).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;\w+;\/records\/new-id;/),
    });
    revalidated.length = 0;
    expect(await runAction(form({}), spec("refused"))).toEqual({
      ok: false,
      code: "closed",
      message: "Fermé.",
      fieldErrors: undefined,
    });
    expect(revalidated).toEqual([]);
  });
});

describe("an anonymous action (a sign-in form)", () => {
  const anonymous = (formData: FormData, run = vi.fn(async () => ok("sent"))) => ({
    run,
    result: runAction(formData, {
      name: "anonymousTest",
      anonymous: true,
      access: (user) => {
        permit(user === null, "A user was given.");
      },
      input: { schema: z.object({ email: z.email({ error: "Adresse invalide." }) }), read: ["email"] },
      run,
    }),
  });

  it("runs without a session, with no user in its steps", async () => {
    session.user = null;
    const { result, run } = anonymous(form({ email: "a@example.org" }));
    expect(await result).toEqual({ ok: true, data: "sent" });
    expect(run).toHaveBeenCalledWith(
      expect.objectContaining({ user: null, input: { email: "a@example.org" } }),
    );
  });

  it("does not even look at a session: a signed-in caller is anonymous to it too", async () => {
    const { result, run } = anonymous(form({ email: "a@example.org" }));
    expect(await result).toEqual({ ok: true, data: "sent" });
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ user: null }));
  });

  it("keeps the other steps: field errors in French, nothing run", async () => {
    session.user = null;
    const { result, run } = anonymous(form({ email: "pas une adresse" }));
    expect(await result).toEqual({
      ok: false,
      code: "invalid",
      message: INVALID_FORM,
      fieldErrors: { email: ["Adresse invalide."] },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("logs an unexpected error with a null user and shows the generic message", async () => {
    session.user = null;
    const error = vi.fn();
    const child = vi
      .spyOn(log, "child")
      .mockReturnValue({ error } as unknown as ReturnType<typeof log.child>);
    const { result } = anonymous(
      form({ email: "a@example.org" }),
      vi.fn(async () => {
        throw new Error("smtp down");
      }),
    );
    expect(await result).toEqual({ ok: false, code: "unexpected", message: GENERIC_ERROR });
    expect(child).toHaveBeenCalledWith(expect.objectContaining({ action: "anonymousTest", userId: null }));
    child.mockRestore();
  });
});
