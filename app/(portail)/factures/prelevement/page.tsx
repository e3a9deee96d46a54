import Link from "next/link";
import { requireUsager } from "@/lib/auth/current";
import { famillesDuParent } from "@/lib/domain/paiement/compte";
import { paragraphesMandat, partiesMandat, TITRE_MANDAT } from "@/lib/domain/prelevement/mandat-texte";
import { pagePrelevement } from "@/lib/domain/prelevement/queries-mandats";
import { franceConnectRecent } from "@/lib/domain/prelevement/signer-mandat";
import { LIBELLES_STATUT_MANDAT } from "@/lib/domain/prelevement/transitions";
import { dateHeure, formatParis } from "@/lib/temps/dates";
import { maintenant } from "@/lib/web/horloge";
import { MandatForm } from "./MandatForm";
import { RevoquerForm } from "./RevoquerForm";
import { de } from "@/lib/texte/elision";

export const metadata = { title: "Payer par prélèvement automatique" };

// « Payer par prélèvement automatique », from Mes factures: for each of the parent's households, the mandate in
// force (masked IBAN, RUM, signed on; its PDF, « Modifier l'IBAN », « Révoquer le mandat ») or the mandate to
// sign, shown in full before the IBAN, the holder, the consent and the password.
export default async function PrelevementPage() {
  const { usager, session } = await requireUsager("/factures/prelevement");
  const now = await maintenant();
  const [familles, franceConnect] = await Promise.all([
    famillesDuParent(usager.id),
    franceConnectRecent(session.id, usager.id, now),
  ]);
  const pages = await Promise.all(familles.map(async (f) => ({ ...f, page: await pagePrelevement(usager.id, f.id) })));
  const plusieurs = pages.length > 1;
  const titulaire = `${usager.prenoms.split(" ")[0] ?? ""} ${usager.nomUsage.toUpperCase()}`.trim();
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-2">
        Payer par prélèvement automatique
      </h1>
      {pages.length === 0 && <p className="mb-6">Aucune famille n&apos;est rattachée à votre espace.</p>}
      {pages.map(({ id, nom, page }) => {
        if (!page) return null;
        const { enVigueur, texte, ouvert } = page;
        return (
          <section key={id} aria-labelledby={plusieurs ? `foyer-${id}` : undefined} className="mb-6">
            {plusieurs && (
              <h2 id={`foyer-${id}`} className="mt-4 mb-2 text-xl font-bold">
                Foyer {de(nom)}
              </h2>
            )}
            {enVigueur && (
              <>
                <h2 className="mb-2 text-lg font-bold">Votre mandat de prélèvement</h2>
                <dl className="mb-4 grid gap-x-4 sm:grid-cols-[auto_1fr]">
                  <dt className="font-semibold">État</dt>
                  <dd>{LIBELLES_STATUT_MANDAT[enVigueur.statut]}</dd>
                  <dt className="font-semibold">Référence unique du mandat (RUM)</dt>
                  <dd>{enVigueur.rum}</dd>
                  <dt className="font-semibold">Compte prélevé</dt>
                  <dd>
                    {enVigueur.iban} ({enVigueur.titulaire})
                  </dd>
                  <dt className="font-semibold">Signé le</dt>
                  <dd>{dateHeure(enVigueur.signeLe)}</dd>
                  {enVigueur.version > 1 && (
                    <>
                      <dt className="font-semibold">IBAN modifié le</dt>
                      <dd>{formatParis(enVigueur.modifieLe, "dd/MM/yyyy")}</dd>
                    </>
                  )}
                </dl>
                {enVigueur.statut === "SUSPENDU" && (
                  <p className="mb-4">
                    Ce mandat est suspendu après des prélèvements rejetés par votre banque : indiquez un autre compte
                    pour le réactiver, ou payez vos factures par un autre moyen.
                  </p>
                )}
                <p className="mb-4">
                  <a href={`/factures/prelevement/${encodeURIComponent(enVigueur.rum)}/pdf`} download>
                    Télécharger le mandat {enVigueur.rum} (PDF)
                  </a>
                </p>
              </>
            )}
            {!ouvert && !enVigueur && (
              <p className="mb-4">La commune ne propose pas encore le prélèvement automatique.</p>
            )}
            {texte && (
              <>
                <h2 className="mb-2 text-lg font-bold">{enVigueur ? "Modifier l'IBAN" : TITRE_MANDAT}</h2>
                <article aria-label={TITRE_MANDAT} className="mb-4 rounded border border-stone-300 p-3">
                  {enVigueur && <p className="mb-2 font-bold">{TITRE_MANDAT}</p>}
                  <dl className="mb-3 grid gap-x-4 sm:grid-cols-[auto_1fr]">
                    {partiesMandat(texte).map(([libelle, valeur]) => (
                      <div key={libelle} className="contents">
                        <dt className="font-semibold">{libelle}</dt>
                        <dd className="break-words">{valeur}</dd>
                      </div>
                    ))}
                  </dl>
                  {paragraphesMandat(texte).map((p) => (
                    <p key={p.slice(0, 40)} className="mb-2 text-sm">
                      {p}
                    </p>
                  ))}
                </article>
                <MandatForm
                  familleId={id}
                  rum={enVigueur?.rum}
                  franceConnect={franceConnect}
                  sansMotDePasse={!usager.passwordHash}
                  titulaire={titulaire}
                />
              </>
            )}
            {enVigueur && (
              <>
                <h2 className="mt-6 mb-2 text-lg font-bold">Révoquer le mandat</h2>
                <p className="mb-2">
                  Vos factures ne seront plus prélevées : payez-les en ligne, au guichet ou par virement.
                </p>
                <RevoquerForm rum={enVigueur.rum} />
              </>
            )}
          </section>
        );
      })}
      <p>
        <Link href="/factures">Retour à mes factures</Link>
      </p>
    </section>
  );
}
