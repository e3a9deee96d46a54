// A rattachement à une famille: the space asking (its identity as the parent gave it) beside the family's
// representants, so the agent can see at a glance whether it is the declared co-représentant.
import { IdentiteDemandeur } from "@/components/demande/IdentiteDemandeur";
import { formatParis } from "@/lib/dates";
import type { Usager } from "@/lib/generated/prisma/client";

type Representant = {
  id: string;
  role: "TITULAIRE" | "CO_REPRESENTANT";
  prenom: string;
  nomUsage: string;
  nomFamille: string | null;
  dateNaissance: Date | null;
  courriel: string | null;
  telephonePortable: string | null;
  usagerId: string | null;
};

export function RecapRattachement({
  usager,
  famille,
}: {
  usager: Usager;
  famille: { cleEnfance: string; representants: Representant[] } | null;
}) {
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="espace-demandeur">
        <h3 id="espace-demandeur" className="mb-2 bg-stone-100 px-3 py-2 font-bold uppercase">
          L&apos;espace qui demande
        </h3>
        <IdentiteDemandeur usager={usager} naissance />
      </section>
      <section aria-labelledby="representants">
        <h3 id="representants" className="mb-2 bg-stone-100 px-3 py-2 font-bold uppercase">
          La famille {famille ? `(clé ${famille.cleEnfance})` : ""}
        </h3>
        {!famille ? (
          <p>Cette demande ne désigne aucune famille.</p>
        ) : (
          <ul className="space-y-3">
            {famille.representants.map((r) => (
              <li key={r.id} className="rounded-md border border-stone-200 p-3">
                <p className="font-semibold">
                  {r.role === "TITULAIRE" ? "Titulaire" : "Co-représentant"} : {r.prenom} {r.nomUsage.toUpperCase()}
                  {r.nomFamille ? ` (né(e) ${r.nomFamille.toUpperCase()})` : ""}
                </p>
                <p className="text-sm">
                  Date de naissance : {r.dateNaissance ? formatParis(r.dateNaissance, "dd/MM/yyyy") : "—"}
                </p>
                <p className="text-sm break-all">
                  {[r.courriel, r.telephonePortable].filter(Boolean).join(" — ") || "—"}
                </p>
                <p className="text-sm">
                  {r.usagerId ? "Déjà rattaché à un espace" : "Pas encore rattaché à un espace"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
