import { describe, expect, it } from "vitest";
import { grantRoleSchema } from "./schema";

describe("grantRoleSchema", () => {
  it("requires a network for a network editor", () => {
    const parsed = grantRoleSchema.safeParse({ email: "a@b.fr", role: "network_editor", networkId: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.flatten().fieldErrors.networkId?.[0]).toBe("Choisissez le réseau de cet éditeur.");
  });
  it("accepts a reviewer without network", () => {
    expect(grantRoleSchema.safeParse({ email: "A@B.fr", role: "reviewer" }).data).toMatchObject({
      email: "a@b.fr",
      role: "reviewer",
    });
  });
  it("refuses an unknown role", () => {
    expect(grantRoleSchema.safeParse({ email: "a@b.fr", role: "superuser" }).success).toBe(false);
  });
});
