import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { BadgeStatut } from "@/components/demande/BadgeStatut";
import { FilMessages } from "@/components/demande/FilMessages";
import { Historique, horodatage } from "@/components/demande/Historique";
import { IdentiteDemandeur } from "@/components/demande/IdentiteDemandeur";
import { MessageForm } from "@/components/demande/MessageForm";
import { Recap } from "@/components/demande/Recap";
import { requireAgent } from "@/lib/auth/current";
import { formatParis } from "@/lib/temps/dates";
import { marquerMessagesLusParAgent } from "@/lib/domain/demande/messages";
import { demandePourAgent } from "@/lib/domain/demande/queries-console";
import { refusTransition } from "@/lib/domain/demande/transitions";
import { DEMARCHES, libelleDemande, recapPourAgent } from "@/lib/domain/demarches";
import { AccesSanteRefuse } from "@/lib/domain/sante/acces-agent";
import { piecesPourAgent } from "@/lib/domain/piece/verifier";
import { piecesNonVerifiees, questionPiecesNonVerifiees } from "@/lib/domain/inscription/pieces-verifiees";
import { ActionsDemande, type Rapprochement } from "./ActionsDemande";
import { envoyerMessageAgentAction } from "./actions";
import { PiecesJointes } from "./PiecesJointes";
import { de } from "@/lib/texte/elision";
import { sansPointFinal } from "@/lib/texte/point-final";

export const metadata = { title: "Instruction d'une demande — Console des agents" };

const DECISIONS = ["instruire", "demanderComplement", "accepter", "refuser"] as const;

/** The pieces not « Vérifiée » (only an inscription links any): Accepter names them and asks first. */
async function questionPieces(demandeId: string) {
  const pieces = await piecesNonVerifiees(demandeId);
  if (pieces.length === 0) return null;
  return { ids: pieces.map((piece) => piece.id).join(","), question: questionPiecesNonVerifiees(pieces) };
}

// Everything about one demande on one screen, for an agent who must get through the queue: the header, the
// actions (beside the data on a wide screen, first on a phone), the recap, the pieces, Échanges, Historique.
export default async function InstructionPage({ params }: { params: Promise<{ numero: string }> }) {
  const [{ numero: brut }] = await Promise.all([params]);
  const { agent } = await requireAgent();
  const demande = /^\d{1,9}$/.test(brut) ? await demandePourAgent(Number(brut), DEMARCHES) : null;
  if (!demande) notFound();
  // The parent's messages are on this screen: they are read now (this render still flags them as new).
  if (demande.messages.some((m) => m.auteur === "USAGER" && !m.luAt))
    await marquerMessagesLusParAgent({ demandeId: demande.id });

  const type = DEMARCHES[demande.type];
  const demandeur = `${demande.usager.prenoms} ${demande.usager.nomUsage.toUpperCase()}`;
  const possibles = Object.fromEntries(
    DECISIONS.map((d) => [d, refusTransition(demande.statut, d, "AGENT", "motif") === null]),
  ) as Record<(typeof DECISIONS)[number], boolean>;
  const rapprochements: Rapprochement[] = demande.rapprochements.map(({ enfantRef, declare, connus }) => ({
    enfantRef,
    declare,
    connus: connus.map((connu) => ({
      id: connu.id,
      libelle: `${connu.prenoms} ${connu.nom.toUpperCase()}, né(e) le ${formatParis(connu.dateNaissance, "dd/MM/yyyy")} dans la famille ${de(connu.titulaires.join(" et ") || "—")}`,
    })),
  }));
  // one PIÈCES JOINTES block: the démarche's pièces justificatives (each with its « Vérifiée »), then the files
  // sent with the messages
  const pieces = demande.messages.filter((m) => m.pieceKey);
  const justificatifs = await piecesPourAgent(demande.id);
  const nonVerifiees = await questionPieces(demande.id);
  // the démarche's recap for the agent (its reading of health data is journaled there); a dossier santé is
  // nothing but health data: 403 without the permission SANTE
  const recap = await recapPourAgent(agent.id, demande).catch((error: unknown) => {
    if (error instanceof AccesSanteRefuse) forbidden();
    throw error;
  });

  return (
    <div className="carte">
      <header className="mb-6 flex flex-col gap-3 rounded-md bg-stone-100 p-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="titre-page mb-1">
            Demande N° {demande.numero}
            <span className="block text-base font-normal">
              <span className="uppercase">{type.domaine}</span> {sansPointFinal(libelleDemande(demande))} — {demandeur}
            </span>
          </h1>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
            <dt>Déposée le</dt>
            <dd>{demande.deposeeAt ? horodatage(demande.deposeeAt) : "—"}</dd>
            {demande.decideeAt && (
              <>
                <dt>Décidée le</dt>
                <dd>{horodatage(demande.decideeAt)}</dd>
              </>
            )}
            <dt>Instructeur</dt>
            <dd>
              {demande.instructeur ? `${demande.instructeur.prenom} ${demande.instructeur.nom.toUpperCase()}` : "Aucun"}
            </dd>
            {demande.famille && (
              <>
                <dt>Clé enfance</dt>
                <dd className="font-bold">{demande.famille.cleEnfance}</dd>
              </>
            )}
          </dl>
        </div>
        <p>
          <span className="sr-only">État : </span>
          <BadgeStatut statut={demande.statut} />
        </p>
      </header>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="actions" className="lg:sticky lg:top-4 lg:col-start-2 lg:row-start-1 lg:self-start">
          <h2 id="actions" className="mb-3 text-lg font-bold uppercase">
            Actions
          </h2>
          <ActionsDemande
            numero={demande.numero as number}
            statut={demande.statut}
            possibles={possibles}
            rapprochements={rapprochements}
            piecesNonVerifiees={nonVerifiees}
          />
        </section>

        <div className="min-w-0 space-y-8 lg:col-start-1 lg:row-start-1">
          <section aria-labelledby="la-demande">
            <h2 id="la-demande" className="mb-4 text-lg font-bold uppercase">
              La demande
            </h2>
            <Recap sections={recap} />
          </section>

          {!type.recapMontreLeDemandeur && (
            <section aria-labelledby="demandeur">
              <h2 id="demandeur" className="mb-4 text-lg font-bold uppercase">
                Le demandeur
              </h2>
              <IdentiteDemandeur usager={demande.usager} />
            </section>
          )}

          <PiecesJointes
            numero={demande.numero as number}
            justificatifs={justificatifs}
            messages={pieces}
            demandeur={demandeur}
          />

          <section aria-labelledby="echanges">
            <h2 id="echanges" className="mb-4 text-lg font-bold uppercase">
              Échanges
            </h2>
            {demande.messages.length === 0 ? (
              <p className="mb-6">Aucun message pour l&apos;instant.</p>
            ) : (
              <FilMessages messages={demande.messages} lecteur="AGENT" demandeur={demandeur} />
            )}
            {demande.statut !== "ANNULEE" && (
              <MessageForm
                action={envoyerMessageAgentAction}
                numero={demande.numero as number}
                titre="Répondre au demandeur"
                noteInterne
              />
            )}
          </section>

          <section aria-labelledby="historique">
            <h2 id="historique" className="mb-4 text-lg font-bold uppercase">
              Historique
            </h2>
            <Historique lignes={demande.historique} demandeur={demandeur} />
          </section>
        </div>
      </div>

      <p className="mt-8">
        <Link href="/agent">Retour au tableau de bord</Link>
      </p>
    </div>
  );
}
