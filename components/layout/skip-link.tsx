/** First focusable element of every page (RGAA 12.7): jumps over the header to the content. */
export function SkipLink() {
  return (
    <a
      href="#contenu"
      className="sr-only font-semibold text-blue-france focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-white focus:px-4 focus:py-2 focus:shadow-lg"
    >
      Aller au contenu
    </a>
  );
}
