import { z } from "@/lib/zod";
import { MAX_REQUEST_CHARS } from "./rules";

/** A reviewer's request: a new thread, or (with threadId) a new request in an open thread. */
export const informationRequestSchema = z.object({
  applicationId: z.uuid({ error: "Dossier introuvable." }),
  threadId: z.uuid({ error: "Demande introuvable." }).optional(),
  message: z
    .string()
    .trim()
    .min(10, "Écrivez votre demande (10 caractères au moins).")
    .max(MAX_REQUEST_CHARS, "5\u00a0000 caractères au plus."),
});

export const closeThreadSchema = z.object({
  applicationId: z.uuid({ error: "Dossier introuvable." }),
  threadId: z.uuid({ error: "Demande introuvable." }),
});
