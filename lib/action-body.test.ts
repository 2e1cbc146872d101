import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, exceedsActionLimit, formDataBytes } from "./action-body";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe("a server action's body and Next's limit", () => {
  it("counts texts in UTF-8 bytes, as the browser sends them", () => {
    expect(formDataBytes(form({ a: "é" }))).toBe(formDataBytes(form({ a: "e" })) + 1);
  });

  it("refuses a body over 1 MB, accepts the longest text a form allows", () => {
    // 50 000 characters is the longest follow-up text; accented, 2 bytes each.
    expect(exceedsActionLimit(form({ postId: "x", title: "Titre", bodyMd: "é".repeat(50_000) }))).toBe(false);
    expect(exceedsActionLimit(form({ bodyMd: "x".repeat(ACTION_BODY_LIMIT_BYTES) }))).toBe(true);
    expect(exceedsActionLimit(form({ payload: "€".repeat(400_000) }))).toBe(true);
  });
});
