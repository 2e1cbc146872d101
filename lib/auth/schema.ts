import { z } from "@/lib/zod";

export const emailSignInSchema = z.object({
  email: z
    .string({ error: "Saisissez votre adresse e-mail." })
    .trim()
    .min(1, { error: "Saisissez votre adresse e-mail." })
    .max(254, { error: "Cette adresse e-mail est trop longue." })
    .pipe(z.email({ error: "Saisissez une adresse e-mail valide, par exemple prenom.nom@mairie.fr." }))
    .transform((email) => email.toLowerCase()),
  callbackUrl: z.string().optional(),
});

/** Only same-site paths may follow a sign-in (no open redirect). */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/espace") {
  if (!value?.startsWith("/") || URL.parse(value, "http://app.invalid")?.host !== "app.invalid")
    return fallback;
  return value;
}
