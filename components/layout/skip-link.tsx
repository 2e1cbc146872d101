/** First focusable element of every page (RGAA 12.7): jumps over the header to the content. */
export function SkipLink() {
  return (
    <a
      href="#contenu"
      className="sr-only z-50 bg-white px-4 py-2 font-semibold text-blue-france focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:outline-2 focus:outline-focus"
    >
      Aller au contenu
    </a>
  );
}
