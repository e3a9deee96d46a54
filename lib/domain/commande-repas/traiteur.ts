// The frozen order mailed to the caterer (Commune.traiteurCourriel, when set): in the freezing transaction,
// through the outbox, one mail per lieu and cutoff with every day that cutoff froze (a week frozen on Thursday
// at noon is one mail), and again for a new version after a late change. Counts only: the menus' meals, the
// diets and allergens as counts, the P.A.I. as a number; never a child's name.
import { createElement } from "react";
import type { Tx } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/render";
import type { Commande } from "@/lib/domain/commande-repas/calcul";
import { enClair, trie } from "@/lib/domain/commande-repas/queries";
import { jourEnClair, type Jour } from "@/lib/temps/jours";
import CommandeTraiteur, { commandeTraiteurSubject, type JourTraiteur } from "@/emails/CommandeTraiteur";

export type Figee = { lieuId: number; date: Jour; version: number; commande: Commande; cloture: Date };

/** The number of mails queued (0 without a caterer's address). */
export async function envoyerAuTraiteur(tx: Tx, figees: Figee[]): Promise<number> {
  if (figees.length === 0) return 0;
  const commune = await tx.commune.findUniqueOrThrow({
    where: { id: 1 },
    select: { nom: true, serviceNom: true, traiteurCourriel: true },
  });
  if (!commune.traiteurCourriel) return 0;
  const lieux = new Map(
    (
      await tx.lieu.findMany({
        where: { id: { in: [...new Set(figees.map((f) => f.lieuId))] } },
        select: { id: true, nom: true, activite: { select: { unites: { orderBy: { ordre: "asc" } } } } },
      })
    ).map((l) => [l.id, l]),
  );
  const groupes = new Map<string, Figee[]>();
  for (const f of [...figees].sort((a, b) => a.date.localeCompare(b.date))) {
    const cle = `${f.lieuId}|${f.cloture.getTime()}`;
    groupes.set(cle, [...(groupes.get(cle) ?? []), f]);
  }
  for (const groupe of groupes.values()) {
    const lieu = lieux.get(groupe[0]!.lieuId)!;
    const jours: JourTraiteur[] = groupe.map(({ date, version, commande }) => ({
      jour: jourEnClair(date),
      version,
      menus: lieu.activite.unites
        .filter((u) => String(u.id) in commande.comptes)
        .map((u) => {
          const besoins = commande.besoins[String(u.id)];
          return {
            menu: u.libelle,
            repas: commande.comptes[String(u.id)] ?? 0,
            regimes: enClair(trie(besoins?.regimes ?? {})),
            allergenes: enClair(trie(besoins?.allergenes ?? {})),
            pai: besoins?.pai ?? 0,
          };
        }),
    }));
    const props = { commune: commune.nom, lieu: lieu.nom, jours, serviceNom: commune.serviceNom };
    await enqueueMail(
      tx,
      await renderMail(
        commune.traiteurCourriel,
        commandeTraiteurSubject(props),
        createElement(CommandeTraiteur, props),
      ),
    );
  }
  return groupes.size;
}
