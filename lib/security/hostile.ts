/**
 * Hostile values for property-based tests: what an
 * attacker or a clumsy paste sends. Shared by the schema properties and the
 * server-action fuzzing, so both try the same nasty cases.
 */
import fc from "fast-check";

/** Strings an attacker or a clumsy paste would send. */
export const NASTY = [
  "",
  "   ",
  "a".repeat(10_000),
  "é".repeat(10_000),
  "\u202eﺏﺎﺘﻜﻟا\u202c",
  "مجلس مدينة الرباط",
  "עיריית חיפה",
  "\u0000",
  "abc\u0000def",
  "\ud800",
  "👩‍👩‍👧‍👦🇫🇷",
  "𝕳𝖊𝖑𝖑𝖔",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "' OR 1=1 --",
  "../../etc/passwd",
  "-1",
  "-12 500,50",
  "0",
  "1e308",
  "NaN",
  "Infinity",
  "0x10",
  "12 500,50 €",
  "99999999999999999999999",
  "1,2,3",
  "__proto__",
  "constructor",
  "00000000-0000-0000-0000-000000000000",
  "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
  "prenom.nom@mairie.fr",
  "accepted",
  "rejected",
  "on",
] as const;

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ minLength: 5_000, maxLength: 10_000 }),
);

/** English phrases of zod's defaults and of JavaScript errors: a user must never read them. */
export const ENGLISH = /\b(Invalid|Expected|Required|received|must be|Too (big|small)|undefined|Error)\b/;
