// The mails of a demande's life, queued in the outbox inside the transaction that makes them true.
import { createElement } from "react";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { formatParis } from "@/lib/temps/dates";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import { salutation } from "@/lib/mail/salutation";
import DemandeDeposee, { demandeSubject } from "@/emails/DemandeDeposee";
import DemandeDecision, { decisionSubject, type Decision } from "@/emails/DemandeDecision";
import NouveauMessage, { nouveauMessageSubject } from "@/emails/NouveauMessage";
import type { Commune, Demande, Usager } from "@/lib/generated/prisma/client";

type Numerotee = Demande & { numero: number };

export const lienDemande = (numero: number, onglet?: string) =>
  `${config.appUrl}/demandes/${numero}${onglet ? `?onglet=${onglet}` : ""}`;

export async function queueDepotMail(
  tx: Tx,
  {
    demande,
    usager,
    commune,
    suiviToken,
    typeLibelle,
  }: { demande: Numerotee; usager: Usager; commune: Commune; suiviToken: string; typeLibelle: string },
) {
  const element = createElement(DemandeDeposee, {
    commune: commune.nom,
    salutation: salutation(usager),
    numero: demande.numero,
    typeLibelle,
    deposeeLe: formatParis(demande.deposeeAt ?? new Date(), "dd/MM/yyyy"),
    serviceNom: commune.serviceNom,
    serviceEmail: commune.serviceEmail,
    lien: `${config.appUrl}/demandes/suivi/${suiviToken}`,
  });
  await enqueueMail(tx, await renderMail(usager.courriel, demandeSubject(demande.numero), element));
}

export async function queueDecisionMail(
  tx: Tx,
  {
    demande,
    usager,
    commune,
    decision,
    motif,
    complement,
    etapes,
    typeLibelle,
  }: {
    /** the demande's name (libelleDemande), from the registry the engine was given */
    typeLibelle: string;
    demande: Numerotee;
    usager: Usager;
    commune: Commune;
    decision: Decision;
    motif?: string | null;
    complement?: string | null;
    /** what to do next (the family accepted: enrol the children…) */
    etapes?: { texte: string; lien?: string }[];
  },
) {
  const element = createElement(DemandeDecision, {
    etapes,
    commune: commune.nom,
    salutation: salutation(usager),
    numero: demande.numero,
    typeLibelle,
    decision,
    motif,
    complement,
    lien: lienDemande(demande.numero),
  });
  await enqueueMail(tx, await renderMail(usager.courriel, decisionSubject(demande.numero, decision), element));
}

export async function queueMessageMail(
  tx: Tx,
  { demande, usager, commune }: { demande: Numerotee; usager: Usager; commune: Commune },
) {
  const element = createElement(NouveauMessage, {
    commune: commune.nom,
    salutation: salutation(usager),
    numero: demande.numero,
    lien: lienDemande(demande.numero, "echanges"),
  });
  await enqueueMail(tx, await renderMail(usager.courriel, nouveauMessageSubject(demande.numero), element));
}
