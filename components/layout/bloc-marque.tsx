/** The State's bloc-marque: the DSFR's logo class draws Marianne and the motto around the words. */
export function BlocMarque() {
  return (
    <p className="fr-logo">
      République
      <br />
      Française
    </p>
  );
}
