import Link from "next/link";

const LIENS = [
  { href: "/mes-informations/courriel", icone: "@", libelle: "Changement de courriels" },
  { href: "/mes-informations/telephones", icone: "☎", libelle: "Changement de téléphones" },
  { href: "/mes-informations/adresse", icone: "✉", libelle: "Changement d'adresses" },
  { href: "/mon-profil", icone: "…", libelle: "Modifier mon espace" },
] as const;

// The seed's MES INFORMATIONS block on Mon accueil (and on Mon profil, which it then does not link to).
export function MesInformations({ avecProfil = true }: { avecProfil?: boolean }) {
  return (
    <section className="carte" aria-labelledby="mes-informations">
      <h2 id="mes-informations" className="mb-4 text-lg font-bold uppercase">
        Mes informations
      </h2>
      <ul className={`grid gap-3 sm:grid-cols-2 ${avecProfil ? "lg:grid-cols-4" : "lg:grid-cols-3"}`}>
        {LIENS.filter((lien) => avecProfil || lien.href !== "/mon-profil").map((lien) => (
          <li key={lien.href}>
            <Link href={lien.href} className="bouton-secondaire flex w-full items-center gap-2 no-underline">
              <span aria-hidden="true">{lien.icone}</span>
              {lien.libelle}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
