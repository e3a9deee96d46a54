// The seed's recap table of an inscription (INSCRIPTION, PERMISSIONS, HABILITATIONS with Autorisé / Interdit),
// then the P.A.I. request and the pieces, each opened through the authorized download route.
import { tailleKo } from "@/components/demande/FilMessages";
import type { RecapInscription as Recap } from "@/lib/domain/inscription/recap";

const etat = (autorise: boolean | null) => (autorise === null ? "—" : autorise ? "Autorisé" : "Interdit");

function Lignes({ titre, lignes }: { titre: string; lignes: [string, React.ReactNode][] }) {
  return (
    <tbody>
      <tr>
        <th scope="colgroup" colSpan={2} className="bg-stone-100 px-3 py-2 text-left font-bold uppercase">
          {titre}
        </th>
      </tr>
      {lignes.map(([terme, valeur]) => (
        <tr key={terme} className="border-b border-stone-200">
          <th scope="row" className="px-3 py-2 text-left font-semibold">
            {terme}
          </th>
          <td className="px-3 py-2 break-words">{valeur || "—"}</td>
        </tr>
      ))}
    </tbody>
  );
}

export function RecapInscription({ recap }: { recap: Recap }) {
  return (
    <div className="space-y-6">
      <table className="w-full table-fixed border-collapse text-sm sm:text-base">
        <caption className="sr-only">Récapitulatif de l&apos;inscription</caption>
        <colgroup>
          <col className="w-3/5" />
          <col />
        </colgroup>
        <Lignes
          titre="Inscription"
          lignes={[
            ["Inscrit", recap.enfant],
            ["Date de début", recap.dateDebut],
            ["Date de fin", recap.dateFin],
            ["Lieu", recap.lieu],
            ["Groupe", recap.groupe],
            ["Unité", recap.unite],
          ]}
        />
        <Lignes titre="Permissions" lignes={recap.permissions.map((p) => [p.libelle, etat(p.autorise)])} />
        {recap.habilitations.length > 0 && (
          <Lignes titre="Habilitations" lignes={recap.habilitations.map((h) => [h.libelle, etat(h.autorise)])} />
        )}
        <Lignes
          titre="PAI"
          lignes={[
            ["Demande de P.A.I.", recap.pai ? "Oui" : "Non"],
            ...(recap.pai
              ? ([["Objet du P.A.I.", recap.paiObjet ?? "Réservé aux agents ayant l'accès aux données de santé."]] as [
                  string,
                  string,
                ][])
              : []),
          ]}
        />
        <Lignes
          titre="Attestation sur l'honneur"
          lignes={[
            [
              "Règlement intérieur",
              recap.reglementVersion
                ? `Version ${recap.reglementVersion} lue et acceptée`
                : recap.attestation
                  ? "Attestée"
                  : "—",
            ],
          ]}
        />
      </table>
      <section aria-labelledby="recap-pieces">
        <h3 id="recap-pieces" className="mb-2 bg-stone-100 px-3 py-2 font-bold uppercase">
          Pièces jointes ({recap.pieces.length})
        </h3>
        {recap.pieces.length === 0 ? (
          <p className="px-3">Aucune pièce jointe.</p>
        ) : (
          <ul className="space-y-1 px-3">
            {recap.pieces.map((piece) => (
              <li key={piece.id}>
                <span className="font-semibold">{piece.libelle}</span> :{" "}
                <a href={`/api/pieces/${piece.id}`} target="_blank" rel="noopener">
                  {piece.nom}
                </a>{" "}
                <span className="text-sm text-stone-700">({tailleKo(piece.taille)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
