import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/ActionForm";
import { requireAgent } from "@/lib/auth/current";
import { formatParis } from "@/lib/temps/dates";
import { CompteFamille } from "@/components/facturation/CompteFamille";
import { dateFr } from "@/lib/temps/periode";
import { familleFacturation } from "@/lib/domain/facturation/queries";
import { compteFamille } from "@/lib/domain/paiement/compte";
import { maintenant } from "@/lib/web/horloge";
import { jourParis } from "@/lib/temps/jours";
import { saisirQuotientAction } from "../../actions";
import { Regularisations } from "./Regularisations";

export const metadata = { title: "Facturation d'une famille" };

const SOURCES = { CAF: "CAF", MSA: "MSA", AGENT: "Saisi par un agent (attestation)" } as const;

// A household's billing: its quotients familiaux (typed from the attestation it uploaded), its account (the same
// balance, invoices and movements the parent reads in Mes factures) and its attestations fiscales.
export default async function FacturationFamillePage({ params }: { params: Promise<{ famille: string }> }) {
  await requireAgent();
  const { famille: familleId } = await params;
  if (!/^[0-9a-f-]{36}$/.test(familleId)) notFound();
  const now = await maintenant();
  const famille = await familleFacturation(familleId, jourParis(now));
  if (!famille) notFound();
  const compte = await compteFamille(famille.id, now);
  const titulaire = famille.representants.find((r) => r.role === "TITULAIRE") ?? famille.representants[0];
  return (
    <div className="space-y-6">
      <section className="carte" aria-labelledby="titre">
        <h1 id="titre" className="titre-page mb-1">
          Facturation de la famille
        </h1>
        <p className="mb-4 text-lg font-semibold">
          {titulaire ? `${titulaire.prenom} ${titulaire.nomUsage.toUpperCase()}` : ""} — clé enfance{" "}
          {famille.cleEnfance}
        </p>
        <h2 className="mb-2 text-lg font-bold uppercase">Quotient familial</h2>
        {famille.quotients.length === 0 ? (
          <p className="mb-4">
            Aucun quotient familial : la famille est facturée à la tranche la plus haute (« QF non communiqué »).
          </p>
        ) : (
          <ul className="mb-4 divide-y divide-stone-200">
            {famille.quotients.map((q) => (
              <li key={q.id} className="py-2">
                <strong>{q.valeur} €</strong> du {dateFr(q.du)}
                {q.au ? ` au ${dateFr(q.au)}` : ""} — {SOURCES[q.source]}
              </li>
            ))}
          </ul>
        )}
        {famille.pieces.length > 0 ? (
          <p className="mb-3">
            Attestations déposées par la famille :{" "}
            {famille.pieces.map((p, i) => (
              <span key={p.id}>
                {i > 0 && ", "}
                <a href={`/api/pieces/${p.id}`} target="_blank" rel="noopener">
                  {p.nom}
                </a>{" "}
                ({formatParis(p.uploadedAt, "dd/MM/yyyy")})
              </span>
            ))}
          </p>
        ) : (
          <p className="mb-3">La famille n&apos;a déposé aucune attestation CAF.</p>
        )}
        <ActionForm
          action={saisirQuotientAction.bind(null, famille.id)}
          bouton="Enregistrer le quotient familial"
          champs={[
            {
              kind: "texte",
              name: "valeur",
              label: "Quotient familial (en euros)",
              required: true,
              inputMode: "numeric",
            },
            { kind: "texte", name: "du", label: "Valable à partir du", type: "date", required: true },
            { kind: "texte", name: "au", label: "Jusqu'au (facultatif)", type: "date" },
            { kind: "choix", name: "source", label: "Source", options: SOURCES, required: true },
            ...(famille.pieces.length > 0
              ? [
                  {
                    kind: "choix" as const,
                    name: "pieceId",
                    label: "Attestation lue",
                    options: Object.fromEntries(famille.pieces.map((p) => [p.id, p.nom])),
                  },
                ]
              : []),
          ]}
        />
      </section>

      <section className="carte" aria-labelledby="compte">
        <h2 id="compte" className="mb-2 text-lg font-bold uppercase">
          Compte de la famille
        </h2>
        <CompteFamille
          compte={compte}
          niveau={3}
          lienFacture={(numero) => `/agent/facturation/factures/${encodeURIComponent(numero)}`}
        />
        {famille.annees.length > 0 && (
          <>
            <h3 className="mt-4 mb-2 font-bold">Attestations fiscales (frais de garde)</h3>
            <ul className="list-disc pl-6">
              {famille.annees.map((annee) => (
                <li key={annee}>
                  <a href={`/agent/facturation/familles/${famille.id}/attestation/${annee}`} download>
                    Attestation fiscale {annee} (PDF)
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <Regularisations familleId={famille.id} now={now} />
      <p>
        <Link href={`/agent/familles/${famille.id}`}>Retour à la fiche famille</Link>
      </p>
    </div>
  );
}
