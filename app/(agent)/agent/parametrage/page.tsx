// Paramétrage (administrators): the commune's settings, its logo, and the versioned documents.
import Link from "next/link";
import { requireAgent } from "@/lib/auth/current";
import { dateHeure } from "@/lib/temps/dates";
import { versionsDesDocuments } from "@/lib/domain/commune/queries";
import { getCommune } from "@/lib/commune";
import { DOCUMENTS } from "@/lib/domain/commune/schemas";
import { retirerLogoAction } from "./actions";
import { CommuneForm, DocumentForm, LogoForm } from "./ParametrageForms";

export const metadata = { title: "Paramétrage" };

export default async function ParametragePage() {
  await requireAgent("ADMIN");
  const [commune, versions] = await Promise.all([getCommune(), versionsDesDocuments()]);
  const initial = {
    nom: commune.nom,
    adresse: commune.adresse ?? "",
    serviceNom: commune.serviceNom,
    serviceEmail: commune.serviceEmail,
    telephone: commune.telephone ?? "",
    siteUrl: commune.siteUrl ?? "",
    totpObligatoire: commune.totpObligatoire ? "on" : "",
    delaiJustificatifHeures: String(commune.delaiJustificatifHeures),
    heureLimiteMaladie: commune.heureLimiteMaladie,
    traiteurCourriel: commune.traiteurCourriel ?? "",
    transportOperateur: commune.transportOperateur ?? "",
    delaiCorrectionPointageJours: String(commune.delaiCorrectionPointageJours),
  };
  return (
    <div>
      <h1 className="titre-page mb-6">Paramétrage</h1>
      <p className="mb-6">
        <Link href="/agent/parametrage/reservations">Paramétrage des réservations</Link>
      </p>

      <section aria-labelledby="commune" className="carte mb-6">
        <h2 id="commune" className="mb-4 text-lg font-bold uppercase text-marque-fonce">
          La commune
        </h2>
        <CommuneForm initial={initial} />
      </section>

      <section aria-labelledby="logo" className="carte mb-6">
        <h2 id="logo" className="mb-4 text-lg font-bold uppercase text-marque-fonce">
          Logo
        </h2>
        {commune.logoKey ? (
          <div className="mb-4 flex flex-wrap items-center gap-4">
            {/* eslint-disable-next-line @next/next/no-img-element -- a small uploaded image served by our own route, nothing to optimise */}
            <img
              src={`/api/commune/logo?v=${commune.logoKey.slice(0, 8)}`}
              alt="Logo actuel de la commune"
              className="h-16 w-auto border border-stone-300 bg-white p-1"
            />
            <form action={retirerLogoAction}>
              <button type="submit" className="bouton-discret">
                Retirer le logo
              </button>
            </form>
          </div>
        ) : (
          <p className="mb-4">Aucun logo : l&apos;en-tête du site montre le nom de la commune seul.</p>
        )}
        <LogoForm />
      </section>

      {(Object.keys(DOCUMENTS) as (keyof typeof DOCUMENTS)[]).map((type) => {
        const publiees = versions.filter((v) => v.type === type);
        const courante = publiees[0];
        const id = `document-${type}`;
        return (
          <section key={type} aria-labelledby={id} className="carte mb-6">
            <h2 id={id} className="mb-4 text-lg font-bold uppercase text-marque-fonce">
              {DOCUMENTS[type]}
            </h2>
            {publiees.length === 0 ? (
              <p className="mb-4">Aucune version publiée.</p>
            ) : (
              <>
                <h3 className="mb-2 font-bold">Versions publiées</h3>
                <ul className="mb-6 divide-y divide-stone-200 border-y border-stone-200">
                  {publiees.map((v) => (
                    <li key={v.id} className="py-2">
                      <span className="font-semibold">Version {v.version}</span>
                      {v === courante ? " (en vigueur)" : ""}, publiée le {dateHeure(v.publishedAt)}
                      {v.publiePar ? ` par ${v.publiePar}` : ""}
                      {v.acceptations !== null && (
                        <span className="block text-sm">
                          {v.acceptations === 0
                            ? "Acceptée par aucun espace"
                            : `Acceptée par ${v.acceptations} espace${v.acceptations > 1 ? "s" : ""}`}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <DocumentForm
              type={type}
              titre={DOCUMENTS[type]}
              prochaine={(courante?.version ?? 0) + 1}
              contenu={courante?.contenu ?? ""}
            />
          </section>
        );
      })}
    </div>
  );
}
