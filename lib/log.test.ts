import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";
import { REQUEST_ID_HEADER, requestIdFor } from "./request-id";

/** A logger writing into an array of lines, as stdout would receive them. */
function capture(level = "info") {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger(destination, level);
  return { logger, lines: () => chunks.join("").split("\n").filter(Boolean) };
}

const headers = (values: Record<string, string>) => new Headers(values);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("the server's log", () => {
  it("writes one JSON object per line, with its level as a word, its message and its context", () => {
    const { logger, lines } = capture();
    const request = logger.child({ requestId: "req-1234-abcd", action: "grantRole", userId: "u1" });
    request.info("first");
    request.error({ err: new Error("connection reset") }, "action failed");
    const [first, second, ...rest] = lines().map((line) => JSON.parse(line));
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      level: "info",
      msg: "first",
      requestId: "req-1234-abcd",
      action: "grantRole",
      userId: "u1",
    });
    expect(typeof first.time).toBe("string");
    expect(second).toMatchObject({ level: "error", msg: "action failed", requestId: "req-1234-abcd" });
    expect(second.err).toMatchObject({ type: "Error", message: "connection reset" });
  });

  it("redacts secrets and e-mail bodies at the top and nested, and keeps the rest", () => {
    const { logger, lines } = capture();
    logger.warn(
      {
        password: "hunter2",
        token: "abc",
        email: { to: "a@example.org", subject: "Votre lien", text: "Cliquez ici", html: "<p>Cliquez</p>" },
        request: { headers: { cookie: "session=1", authorization: "Bearer x" } },
      },
      "careless",
    );
    const [line] = lines();
    expect(line).not.toMatch(/hunter2|Cliquez|session=1|Bearer/);
    expect(JSON.parse(line ?? "{}")).toMatchObject({
      password: "[redacted]",
      token: "[redacted]",
      email: { to: "a@example.org", subject: "Votre lien", text: "[redacted]", html: "[redacted]" },
      request: { headers: { cookie: "[redacted]", authorization: "[redacted]" } },
    });
  });

  it("writes nothing below its level", () => {
    const { logger, lines } = capture("warn");
    logger.info("quiet");
    logger.warn("loud");
    expect(lines().map((line) => JSON.parse(line).msg)).toEqual(["loud"]);
  });
});

describe("the request id", () => {
  it("is a fresh UUID when no proxy is trusted, whatever the client sent", () => {
    const id = requestIdFor(headers({ [REQUEST_ID_HEADER]: "chosen-by-the-client" }), 0);
    expect(id).toMatch(UUID);
    expect(requestIdFor(headers({}), 0)).not.toBe(id);
  });

  it("is the trusted proxy's own id when it is well formed", () => {
    expect(requestIdFor(headers({ [REQUEST_ID_HEADER]: "a1b2c3d4e5f6" }), 1)).toBe("a1b2c3d4e5f6");
  });

  it("is a fresh UUID behind a proxy that sent none, or one that could break a log line", () => {
    expect(requestIdFor(headers({}), 1)).toMatch(UUID);
    expect(requestIdFor(headers({ [REQUEST_ID_HEADER]: 'x" {injected} <script>' }), 1)).toMatch(UUID);
  });
});
