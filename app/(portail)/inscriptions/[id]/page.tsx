import { notFound, redirect } from "next/navigation";
import { EnTeteDemarche } from "@/components/demande/EnTeteDemarche";
import { requireUsager } from "@/lib/auth/current";
import { formatParis } from "@/lib/temps/dates";
import { withCommune } from "@/lib/domain/commune/queries";
import { getCommune } from "@/lib/commune";
import { inscriptionEditable, lirePaiObjet } from "@/lib/domain/inscription/brouillon";
import {
  ATTESTATIONS,
  PERMISSIONS,
  PIECES,
  TYPES_PIECE,
  unitesChoisies,
  type DonneesInscription,
} from "@/lib/domain/inscription/regles";
import { piecesDeLaDemande, piecesReutilisables, type PieceVue } from "@/lib/domain/piece/pieces";
import { InscriptionForm, type PieceSlot } from "./InscriptionForm";

export const metadata = { title: "Enfance — Inscription : ma demande" };

const UUID = /^[0-9a-f-]{36}$/;

/** The form's values from the saved draft: the parent finds everything where they left it. */
function valeurs(
  demandeId: string,
  d: DonneesInscription,
  unites: { id: number; exclusive: boolean }[],
): Record<string, string> {
  const values: Record<string, string> = {};
  if (d.lieuId !== null) values.lieu = String(d.lieuId);
  if (d.groupeId !== null) values.groupe = String(d.groupeId);
  // the exclusive unit chosen is the radio « unite », each other one its box « unite-<id> »
  for (const unite of unites.filter((u) => unitesChoisies(d).includes(u.id))) {
    if (unite.exclusive) values.unite = String(unite.id);
    else values[`unite-${unite.id}`] = "on";
  }
  for (const [cle, choix] of Object.entries(d.permissions)) values[`permission-${cle}`] = choix;
  for (const [id, choix] of Object.entries(d.habilitations)) values[`habilitation-${id}`] = choix;
  if (d.autreRecuperateur) values.autreRecuperateur = d.autreRecuperateur;
  if (d.pai) values.pai = "on";
  const objet = lirePaiObjet(demandeId, d.paiObjetChiffre);
  if (objet) values.paiObjet = objet;
  for (const cle of d.attestations) values[`attestation-${cle}`] = "on";
  return values;
}

const client = (p: PieceVue) => ({
  id: p.id,
  type: p.type,
  nom: p.nom,
  taille: p.taille,
  uploadedAt: p.uploadedAt.toISOString(),
});

export default async function InscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { usager } = await requireUsager(`/inscriptions/${id}`);
  const editable = UUID.test(id) ? await inscriptionEditable(usager.id, id) : null;
  if (!editable) notFound();
  const { demande, donnees, foyer, activite, annee, enfant, contacts, reglement } = editable;
  // Back where the parent left: the recap when step 2 was reached.
  if (demande.etape === 2) redirect(`/inscriptions/${id}/recapitulatif`);
  const [commune, reutilisables, jointes] = await Promise.all([
    getCommune(),
    piecesReutilisables(foyer, usager.id, annee.dateDebut),
    piecesDeLaDemande(demande.id),
  ]);
  const reglages = new Map(activite.pieces.map((p) => [p.type, p.obligatoire]));
  const attachees = new Map(jointes.map((p) => [p.type, p]));
  const pieces: PieceSlot[] = TYPES_PIECE.filter((type) => reglages.has(type)).map((type) => {
    const attachee = attachees.get(type);
    return {
      type,
      libelle: PIECES[type],
      obligatoire: reglages.get(type) === true,
      initiale: attachee ? client(attachee) : null,
      reutilisables: reutilisables.filter((p) => p.type === type).map(client),
    };
  });
  return (
    <div className="carte">
      <EnTeteDemarche domaine="Enfance" titre={activite.libelle} duree="5 mn" etape={0} />
      {demande.statut === "A_COMPLETER" && (
        <p className="mb-4 rounded-md border-l-4 border-sky-700 bg-sky-50 p-3">
          Les agents de la mairie vous ont demandé de compléter votre demande N° {demande.numero}. Corrigez ce qui est
          demandé puis validez-la de nouveau.
        </p>
      )}
      <InscriptionForm
        demandeId={demande.id}
        initial={valeurs(demande.id, donnees, activite.unites)}
        enfant={`${enfant.prenoms} ${enfant.nom.toUpperCase()}`}
        dateDebut={formatParis(annee.dateDebut, "dd/MM/yyyy")}
        dateFin={formatParis(annee.dateFin, "dd/MM/yyyy")}
        lieux={Object.fromEntries(activite.lieux.map((l) => [String(l.id), l.nom]))}
        groupes={Object.fromEntries(activite.groupes.map((g) => [String(g.id), g.libelle]))}
        unites={activite.unites.map((u) => ({ id: String(u.id), libelle: u.libelle, exclusive: u.exclusive }))}
        permissions={Object.entries(PERMISSIONS).map(([cle, libelle]) => ({
          cle,
          libelle: withCommune(libelle, commune),
        }))}
        contacts={contacts.map((c) => ({ id: c.id, nom: `${c.prenom} ${c.nom.toUpperCase()}` }))}
        demanderRecuperateur={contacts.length === 0 && foyer.familleId !== null}
        pieces={pieces}
        attestations={Object.entries(ATTESTATIONS).map(([cle, libelle]) => ({ cle, libelle }))}
        reglementPublie={reglement !== null}
      />
    </div>
  );
}
