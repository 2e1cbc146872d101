import { PG_INTEGER_MAX } from "@/lib/ids";
import { z } from "@/lib/zod";

export const requestMembershipSchema = z.object({
  organisationId: z.coerce
    .number({ error: "Choisissez votre collectivité dans la liste." })
    .int({ error: "Choisissez votre collectivité dans la liste." })
    .positive({ error: "Choisissez votre collectivité dans la liste." })
    .max(PG_INTEGER_MAX, { error: "Choisissez votre collectivité dans la liste." }),
});

export const inviteMemberSchema = z.object({
  organisationId: z.coerce.number().int().positive().max(PG_INTEGER_MAX),
  email: z
    .string({ error: "Saisissez l’adresse e-mail de votre collègue." })
    .trim()
    .min(1, { error: "Saisissez l’adresse e-mail de votre collègue." })
    .max(254, { error: "Cette adresse e-mail est trop longue." })
    .pipe(z.email({ error: "Saisissez une adresse e-mail valide, par exemple prenom.nom@mairie.fr." }))
    .transform((email) => email.toLowerCase()),
  role: z.enum(["member", "manager"], { error: "Choisissez un rôle." }).default("member"),
});

export const membershipIdSchema = z.object({ membershipId: z.uuid({ error: "Membre introuvable." }) });
