// A page of the portal's menu whose content the commune's agents will publish from the console.
export function PageAVenir({ titre, texte }: { titre: string; texte: string }) {
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        {titre}
      </h1>
      <p>{texte}</p>
    </section>
  );
}
