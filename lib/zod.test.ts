import { describe, expect, it } from "vitest";
import { saveApplicationSchema } from "@/lib/applications/schema";
import { decisionSchema } from "@/lib/decisions/schema";
import { z } from "@/lib/zod";

describe("zod's messages are in French", () => {
  it("a wrong type through a server action gets a French message", () => {
    const result = z.object({ title: z.string() }).safeParse({ title: 42 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      "Entrée invalide\u00a0: chaîne de caractères attendu, nombre reçu",
    );
  });

  it("a missing field and a malformed id of a real schema are refused in French", () => {
    const result = saveApplicationSchema.safeParse({ applicationId: "" });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).not.toMatch(/\b(invalid|expected|received)\b/i);
    expect(messages.join(" ")).toMatch(/invalide|attendu/);
  });

  it("an unknown discriminator is refused in French", () => {
    const result = decisionSchema.safeParse({ outcome: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).not.toMatch(/Invalid/);
  });
});
