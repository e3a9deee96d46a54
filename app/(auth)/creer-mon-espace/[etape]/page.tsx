import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { StepBar } from "@/components/wizard/StepBar";
import { ChampsObligatoires } from "@/components/ui/Field";
import { currentCgu, withCommune } from "@/lib/domain/commune/queries";
import { getCommune } from "@/lib/commune";
import { ETAPES, etapeIndex, type EtapeSlug } from "@/lib/domain/usager/schemas";
import { brouillonCourant } from "../brouillon-cookie";
import { EtapeForm } from "./EtapeForm";

export const metadata = { title: "Création d'un espace personnel" };

export default async function EtapePage({ params }: { params: Promise<{ etape: string }> }) {
  const { etape } = await params;
  const index = etapeIndex(etape);
  if (index < 1) notFound();
  const brouillon = await brouillonCourant();
  if (!brouillon) redirect("/creer-mon-espace?expire=1");
  // Steps are taken in order: a step not reached yet sends back to the furthest one reached.
  if (index > brouillon.reached) redirect(`/creer-mon-espace/${ETAPES[brouillon.reached]!.slug}`);

  const slug = etape as Exclude<EtapeSlug, "bienvenue">;
  const data = brouillon.data;
  const initial: Record<string, string> =
    slug === "cgu"
      ? data.cgu
        ? { accepte: "on" }
        : {}
      : { ...((data[slug] as Record<string, string> | undefined) ?? {}) };
  const titre = ETAPES[index]!.titre;

  return (
    <div className="carte">
      <h1 className="titre-page mb-4">Création d&apos;un espace personnel</h1>
      <StepBar steps={ETAPES} current={index} />
      <h2 className="mb-4 text-lg font-bold uppercase text-marque-fonce">{titre}</h2>
      {slug !== "cgu" && slug !== "authentification" && <ChampsObligatoires />}
      <EtapeForm
        etape={slug}
        initial={initial}
        aPhoto={Boolean(data.identite?.photoKey)}
        franceconnect={Boolean(data.franceconnect)}
      >
        {slug === "cgu" && <Cgu />}
      </EtapeForm>
    </div>
  );
}

async function Cgu() {
  const [commune, cgu] = await Promise.all([getCommune(), currentCgu()]);
  return (
    <>
      <p className="mb-3">
        Pour utiliser les services proposés, veuillez prendre connaissance des CGU ci-dessous et les accepter en fin de
        document.
      </p>
      <section
        aria-labelledby="cgu-titre"
        tabIndex={0}
        className="mb-4 max-h-96 overflow-y-auto rounded-md border border-stone-300 bg-stone-50 p-4 text-sm whitespace-pre-line"
      >
        <h3 id="cgu-titre" className="mb-2 font-bold uppercase">
          Conditions générales d&apos;utilisation (version {cgu.version})
        </h3>
        {withCommune(cgu.contenu, commune)}
      </section>
      <DonneesPersonnelles />
    </>
  );
}

function DonneesPersonnelles() {
  return (
    <div className="mb-4 text-sm">
      <h3 className="mb-1 font-bold uppercase">Données personnelles</h3>
      <p>
        La collecte de vos données personnelles est nécessaire dans le cadre d&apos;une mission d&apos;intérêt public.
        Votre consentement n&apos;est donc pas nécessaire. Pour en savoir plus sur le traitement de vos données
        personnelles ainsi que sur vos droits, nous vous invitons à consulter nos{" "}
        <Link href="/mentions-legales">mentions d&apos;information</Link>.
      </p>
    </div>
  );
}
