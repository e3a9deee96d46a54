import Link from "next/link";
import { ActionForm } from "@/components/ui/ActionForm";
import { Pagination } from "@/components/ui/Pagination";
import { requireAgent } from "@/lib/auth/current";
import { dateFr } from "@/lib/temps/periode";
import { listeMandats } from "@/lib/domain/prelevement/queries-mandats";
import { LIBELLES_STATUT_MANDAT, STATUTS_MANDAT } from "@/lib/domain/prelevement/transitions";
import type { StatutMandat } from "@/lib/generated/prisma/enums";
import { dateHeure } from "@/lib/temps/dates";
import { changerEtatMandatAction } from "./actions";

export const metadata = { title: "Mandats de prélèvement — Console des agents" };

const ACTEURS: Record<string, string> = { USAGER: "la famille", ADMIN: "un administrateur", SYSTEME: "le système" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The SEPA mandates (ADMIN): search by family name, RUM or clé enfance, filter by state, each mandate's history;
// its full PDF (the IBAN whole, the read journaled), and revoke it or reactivate a suspended one with a motif.
export default async function MandatsPage({ searchParams }: Props) {
  await requireAgent("ADMIN");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.trim().slice(0, 100) : "";
  const statut = STATUTS_MANDAT.find((s) => s === params.statut) as StatutMandat | undefined;
  const page = Math.max(1, Number(params.page) || 1);
  const { total, pages, mandats } = await listeMandats({ q, statut, page });
  const adresse = (p: number) =>
    `/agent/prelevements/mandats?${new URLSearchParams({ ...(q ? { q } : {}), ...(statut ? { statut } : {}), page: String(p) })}`;
  return (
    <section className="carte" aria-labelledby="titre">
      <h1 id="titre" className="titre-page mb-4">
        Mandats de prélèvement
      </h1>
      <p className="mb-4">
        <Link href="/agent/prelevements">Retour aux prélèvements</Link>
      </p>
      <form
        method="get"
        role="search"
        aria-label="Recherche de mandats"
        className="mb-4 flex flex-wrap items-end gap-3"
      >
        <div>
          <label htmlFor="q" className="mb-1 block font-semibold">
            Famille, RUM ou clé enfance
          </label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={100} autoComplete="off" />
        </div>
        <div>
          <label htmlFor="statut" className="mb-1 block font-semibold">
            État
          </label>
          <select id="statut" name="statut" defaultValue={statut ?? ""}>
            <option value="">Tous</option>
            {STATUTS_MANDAT.map((s) => (
              <option key={s} value={s}>
                {LIBELLES_STATUT_MANDAT[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="bouton-principal">
          Chercher
        </button>
      </form>
      <p className="mb-4" role="status">
        {total === 0 ? "Aucun mandat." : `${total} mandat${total > 1 ? "s" : ""}.`}
      </p>
      <ul className="divide-y divide-stone-200">
        {mandats.map((m) => (
          <li key={m.id} className="py-4">
            <h2 className="text-lg font-bold">
              {m.rum} — {m.famille || "famille"} ({m.cleEnfance})
            </h2>
            <dl className="my-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt>État</dt>
              <dd className="font-semibold">{LIBELLES_STATUT_MANDAT[m.statut]}</dd>
              <dt>Signé le</dt>
              <dd>{dateHeure(m.signeLe)}</dd>
              <dt>Compte</dt>
              <dd>
                **** {m.ibanFin} ({m.titulaire}), version {m.version}
              </dd>
              <dt>Dernier prélèvement</dt>
              <dd>{m.dernierPrelevement ? dateFr(m.dernierPrelevement) : "aucun"}</dd>
            </dl>
            <p className="mb-2">
              <a href={`/agent/prelevements/mandats/${encodeURIComponent(m.rum)}/pdf`} download>
                Mandat {m.rum} complet (PDF)
              </a>
            </p>
            <details className="mb-2">
              <summary>Historique du mandat {m.rum}</summary>
              <ol className="list-decimal pl-6">
                {m.historique.map((h) => (
                  <li key={h.id}>
                    {dateHeure(h.creeLe)} : {h.de ? `${LIBELLES_STATUT_MANDAT[h.de]} → ` : ""}
                    {LIBELLES_STATUT_MANDAT[h.vers]}, par {ACTEURS[h.acteur] ?? h.acteur} — {h.motif}
                  </li>
                ))}
              </ol>
            </details>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} href={adresse} />
      <h2 className="mt-6 mb-2 text-lg font-bold">Révoquer ou réactiver un mandat</h2>
      <p className="mb-2 text-sm">
        Révoquer à la demande de la famille (les prélèvements prévus sont annulés), ou réactiver un mandat suspendu
        après des rejets, une fois le compte de la famille régularisé.
      </p>
      <ActionForm
        action={changerEtatMandatAction}
        bouton="Enregistrer"
        champs={[
          { kind: "texte", name: "rum", label: "RUM du mandat", required: true, maxLength: 35, autoComplete: "off" },
          {
            kind: "choix",
            name: "vers",
            label: "Action",
            required: true,
            options: { REVOQUE: "Révoquer le mandat", ACTIF: "Réactiver le mandat suspendu" },
          },
          { kind: "texte", name: "motif", label: "Motif", required: true, maxLength: 200 },
        ]}
      />
    </section>
  );
}
