"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/form/field";
import { CONTENT_TOO_LARGE, exceedsActionLimit } from "@/lib/action-body";
import { previewMarkdown, updateFollowupPost } from "@/lib/followup/actions";
import { FormMessage, fieldError } from "./form-state";

/**
 * The editor of a follow-up page: title, Markdown text with a live preview,
 * and image upload. The preview is rendered and sanitised by the server
 * (the same function as the public page), so what the editor sees is what
 * the public will get.
 */
export function PostEditor({
  postId,
  initialTitle,
  initialBody,
  initialPreview,
}: {
  postId: string;
  initialTitle: string;
  initialBody: string;
  initialPreview: string;
}) {
  const [state, formAction, saving] = useActionState(updateFollowupPost, null);
  const [title, setTitle] = useState(initialTitle);
  const [body, setBody] = useState(initialBody);
  const [preview, setPreview] = useState(initialPreview);
  const [, startPreview] = useTransition();
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Over Next's body limit the action never runs: said at the field, nothing sent (lib/action-body.ts).
  const [tooLarge, setTooLarge] = useState(false);

  function save(data: FormData) {
    const over = exceedsActionLimit(data);
    setTooLarge(over);
    if (!over) formAction(data);
  }

  useEffect(() => {
    const timer = setTimeout(() => {
      startPreview(async () => {
        const data = new FormData();
        data.set("bodyMd", body);
        if (exceedsActionLimit(data)) return;
        const result = await previewMarkdown(null, data);
        if (result.ok) setPreview(result.data.html);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [body]);

  function insertAtCursor(snippet: string) {
    const el = textarea.current;
    const at = el ? el.selectionEnd : body.length;
    setBody((current) => `${current.slice(0, at)}${snippet}${current.slice(at)}`);
  }

  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
      <form action={save} className="flex flex-col gap-5" aria-label="Rédaction de la page">
        <input type="hidden" name="postId" value={postId} />
        <Field id="post-title" label="Titre" error={fieldError(state, "title")}>
          {(props) => (
            <input
              {...props}
              name="title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              required
              maxLength={200}
              className={inputClass}
            />
          )}
        </Field>
        <Field
          id="post-body"
          label="Texte (Markdown)"
          hint="**gras**, *italique*, [lien](https://…), listes avec «&nbsp;-&nbsp;», titres avec «&nbsp;##&nbsp;». Le HTML, les scripts et les liens javascript&nbsp;: sont retirés."
          error={tooLarge ? CONTENT_TOO_LARGE : fieldError(state, "bodyMd")}
        >
          {(props) => (
            <textarea
              {...props}
              ref={textarea}
              name="bodyMd"
              rows={16}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              className={`${inputClass} font-mono text-sm`}
            />
          )}
        </Field>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={primaryButtonClass} disabled={saving}>
            {saving ? "Enregistrement…" : "Enregistrer"}
          </button>
          <FormMessage state={state} success="Page enregistrée." />
        </div>
      </form>

      <div className="flex flex-col gap-8">
        <section aria-labelledby="apercu" className="border border-grey-200 p-5">
          <h2 id="apercu" className="text-xl">
            Aperçu
          </h2>
          <p className="mt-1 text-sm text-grey-600">
            Tel que le public le lira, mis à jour pendant la saisie.
          </p>
          <div
            data-testid="markdown-preview"
            className="prose-text mt-4 [&_img]:h-auto [&_img]:max-w-full"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: HTML rendered and sanitised by the server (lib/markdown).
            dangerouslySetInnerHTML={{ __html: preview }}
          />
        </section>
        <ImageUpload postId={postId} onUploaded={insertAtCursor} />
      </div>
    </div>
  );
}

/** Uploads an image (with its required alternative text) and inserts it in the text at the cursor. */
function ImageUpload({ postId, onUploaded }: { postId: string; onUploaded: (snippet: string) => void }) {
  const [altText, setAltText] = useState("");
  const [status, setStatus] = useState<{ kind: "idle" | "sending" | "done" | "error"; message?: string }>({
    kind: "idle",
  });
  const [altError, setAltError] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);

  async function upload() {
    const file = fileInput.current?.files?.[0];
    setAltError(undefined);
    if (altText.trim().length < 3) {
      setAltError("Décrivez l’image pour les personnes qui ne la voient pas (3 caractères au moins).");
      return;
    }
    if (!file) {
      setStatus({ kind: "error", message: "Choisissez une image." });
      return;
    }
    setStatus({ kind: "sending", message: "Envoi de l’image…" });
    const data = new FormData();
    data.set("postId", postId);
    data.set("altText", altText);
    data.set("file", file);
    try {
      const response = await fetch("/api/reseaux/images", { method: "POST", body: data });
      const json = (await response.json()) as {
        message?: string;
        field?: string;
        image?: { url: string; altText: string };
      };
      if (!response.ok || !json.image) {
        if (json.field === "altText") setAltError(json.message);
        setStatus({ kind: "error", message: json.message ?? "L’image n’a pas pu être envoyée." });
        return;
      }
      const alt = json.image.altText.replace(/[[\]]/g, "");
      onUploaded(`\n\n![${alt}](${json.image.url})\n\n`);
      setAltText("");
      if (fileInput.current) fileInput.current.value = "";
      setStatus({ kind: "done", message: "Image ajoutée au texte\u00a0: enregistrez la page." });
    } catch {
      setStatus({
        kind: "error",
        message: "L’image n’a pas pu être envoyée\u00a0: vérifiez votre connexion.",
      });
    }
  }

  return (
    <section aria-labelledby="image-upload" className="border border-grey-200 p-5">
      <h2 id="image-upload" className="text-xl">
        Ajouter une image
      </h2>
      <p className="mt-1 text-sm text-grey-600">
        PNG, JPEG ou WebP, 5&nbsp;Mo au plus&nbsp;; les grandes images sont réduites à 1&nbsp;600&nbsp;pixels
        de large.
      </p>
      <div className="mt-4 flex flex-col gap-4">
        <Field id="image-file" label="Image">
          {(props) => (
            <input
              {...props}
              ref={fileInput}
              type="file"
              accept="image/png,image/jpeg,image/webp"
              className="fr-upload"
            />
          )}
        </Field>
        <Field
          id="image-alt"
          label="Texte alternatif"
          hint="Ce que montre l’image, pour les personnes qui ne la voient pas."
          error={altError}
        >
          {(props) => (
            <input
              {...props}
              value={altText}
              onChange={(e) => setAltText(e.target.value)}
              className={inputClass}
            />
          )}
        </Field>
        <div>
          <button
            type="button"
            className={secondaryButtonClass}
            onClick={upload}
            disabled={status.kind === "sending"}
          >
            Envoyer et insérer l’image
          </button>
        </div>
        <p
          role={status.kind === "error" ? "alert" : "status"}
          className={`text-sm ${status.kind === "error" ? "font-medium text-red-marianne-dark" : "text-grey-800"}`}
        >
          {status.message}
        </p>
      </div>
    </section>
  );
}
