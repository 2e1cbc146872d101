/**
 * Pure parsers under random and hostile input: French
 * amounts, search normalisation and the post-sign-in redirect.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmountInput, parseFrenchAmount } from "@/lib/applications/amounts";
import { safeCallbackUrl } from "@/lib/auth/schema";
import { normalizeSearch } from "@/lib/text";

const RUNS = 1000;

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "a".repeat(10_000),
    "\u0000",
    "\u202eﺏﺎﺘﻜﻟا",
    "-12 500,50",
    "1e308",
    "NaN",
    "Infinity",
    "0x10",
  ),
);

describe("parseFrenchAmount", () => {
  it("returns null or a safe, non-negative integer of cents, never throws", () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const cents = parseFrenchAmount(text);
        if (cents !== null) {
          expect(Number.isSafeInteger(cents)).toBe(true);
          expect(cents).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("reads back what formatAmountInput writes (round trip)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_99 }), (cents) => {
        expect(parseFrenchAmount(formatAmountInput(cents))).toBe(cents);
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses any amount with a sign, however it is written", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("-", "−", "+"),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom("", " €", ",50"),
        (sign, euros, tail) => {
          expect(parseFrenchAmount(`${sign}${euros}${tail}`)).toBeNull();
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("normalizeSearch", () => {
  it("is idempotent, lower-case, trimmed and keeps only letters, digits and single spaces", () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const once = normalizeSearch(text);
        expect(normalizeSearch(once)).toBe(once);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/ {2}/);
        expect(once).not.toMatch(/[^\p{L}\p{N} ]/u);
        expect(once).not.toMatch(/\p{M}/u);
      }),
      { numRuns: RUNS },
    );
  });

  it("ignores accents and case (« Saint-Étienne » and « saint etienne » match)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Saint-Étienne", "CHAMBÉRY", "Œuvre", "L’Haÿ-les-Roses", "Hôpital"),
        (name) => {
          expect(normalizeSearch(name)).toBe(normalizeSearch(name.normalize("NFD").toUpperCase()));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("safeCallbackUrl", () => {
  const origin = "https://cooperation.example";
  const tricky = fc
    .array(
      fc.oneof(
        fc.constantFrom("/", "//", "\\", "/\\", "\t", "\n", "\r", " ", "%2F", "%5C", ":", "@", "?", "#", "."),
        fc.constantFrom(
          "evil.example",
          "https:",
          "javascript:",
          "data:",
          "localhost",
          "[::1]",
          "..",
          "espace",
        ),
        fc.string({ maxLength: 5 }),
      ),
      { maxLength: 6 },
    )
    .map((parts) => parts.join(""));

  it("never returns an absolute or protocol-relative URL: the result stays on the site", () => {
    fc.assert(
      fc.property(fc.oneof(tricky, nasty, fc.constant(null), fc.constant(undefined)), (value) => {
        const result = safeCallbackUrl(value);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(new URL(result, origin).origin).toBe(origin);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it("refuses a path that a browser reads as another site once it drops tabs and newlines", () => {
    for (const value of ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\\evil.example"]) {
      expect(safeCallbackUrl(value)).toBe("/espace");
    }
  });

  it("keeps a same-site path unchanged", () => {
    fc.assert(
      fc.property(fc.webPath({ size: "small" }), (path) => {
        fc.pre(path.startsWith("/") && !path.startsWith("//"));
        expect(safeCallbackUrl(path)).toBe(path);
      }),
      { numRuns: RUNS },
    );
  });
});
