import { z } from "@/lib/zod";

export const grantRoleSchema = z
  .object({
    email: z
      .string({ error: "Saisissez l’adresse e-mail de la personne." })
      .trim()
      .min(1, { error: "Saisissez l’adresse e-mail de la personne." })
      .pipe(z.email({ error: "Saisissez une adresse e-mail valide." }))
      .transform((email) => email.toLowerCase()),
    role: z.enum(["reviewer", "admin", "network_editor"], { error: "Choisissez un rôle." }),
    networkId: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.uuid({ error: "Choisissez un réseau." }).optional(),
    ),
  })
  .refine((value) => value.role !== "network_editor" || value.networkId, {
    path: ["networkId"],
    error: "Choisissez le réseau de cet éditeur.",
  });

export const revokeRoleSchema = z.object({ roleId: z.uuid({ error: "Rôle introuvable." }) });

export const ROLE_LABELS = {
  admin: "Administrateur",
  reviewer: "Instructeur",
  network_editor: "Éditeur de réseau",
} as const;
