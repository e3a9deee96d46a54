// The families of the list's current search (the same `q`) as a CSV file for Excel: one line per family.
import { requireAgent } from "@/lib/auth/current";
import { csvExcel, reponseCsv } from "@/lib/csv-excel";
import { famillesAExporter } from "@/lib/domain/famille/queries-agent";

const nomComplet = (p?: { prenom: string; nomUsage: string }) => (p ? `${p.prenom} ${p.nomUsage.toUpperCase()}` : null);

export async function GET(request: Request) {
  await requireAgent();
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const familles = await famillesAExporter(q);
  const csv = csvExcel(
    [
      "Clé enfance",
      "Validée le",
      "Titulaire",
      "Courriel",
      "Téléphone portable",
      "Adresse",
      "Code postal",
      "Ville",
      "Co-représentant",
      "Enfants",
    ],
    familles.map((f) => {
      const titulaire = f.representants.find((r) => r.role === "TITULAIRE");
      const coRepresentant = f.representants.find((r) => r.role !== "TITULAIRE");
      return [
        f.cleEnfance,
        f.createdAt,
        nomComplet(titulaire),
        titulaire?.courriel,
        titulaire?.telephonePortable,
        titulaire ? [titulaire.adresse.numero, titulaire.adresse.voie].filter(Boolean).join(" ") : null,
        titulaire?.adresse.codePostal,
        titulaire?.adresse.ville,
        nomComplet(coRepresentant),
        f.enfants.map(({ enfant }) => `${enfant.prenoms} ${enfant.nom.toUpperCase()}`).join(", "),
      ];
    }),
  );
  return reponseCsv("familles.csv", csv);
}
