import { describe, expect, it } from "vitest";
import { emailSignInSchema, safeCallbackUrl } from "./schema";

describe("emailSignInSchema", () => {
  it("accepts and lower-cases a valid address", () => {
    const parsed = emailSignInSchema.safeParse({ email: "  Marie.Dupont@Mairie-Thiers.fr " });
    expect(parsed.success && parsed.data.email).toBe("marie.dupont@mairie-thiers.fr");
  });
  it("refuses an invalid address with a French message", () => {
    const parsed = emailSignInSchema.safeParse({ email: "pas-une-adresse" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/adresse e-mail valide/);
  });
  it("refuses an empty address", () => {
    const parsed = emailSignInSchema.safeParse({ email: "" });
    expect(parsed.error?.issues[0]?.message).toBe("Saisissez votre adresse e-mail.");
  });
});

describe("safeCallbackUrl", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackUrl("/espace/dossiers")).toBe("/espace/dossiers");
  });
  it("refuses other sites", () => {
    expect(safeCallbackUrl("https://evil.example")).toBe("/espace");
    expect(safeCallbackUrl("//evil.example")).toBe("/espace");
    expect(safeCallbackUrl("/\\evil.example")).toBe("/espace");
    expect(safeCallbackUrl(null)).toBe("/espace");
  });
});
