"use client";
// Step 1 (MA DEMANDE) of an inscription, section by section as the seed lays it out: INSCRIPTION,
// PERMISSIONS, HABILITATIONS, PAI, PIÈCES JOINTES, ATTESTATION SUR L'HONNEUR. ENREGISTRER keeps what is typed;
// ALLER À L'ÉTAPE 2 is refused, with the seed's message and the missing pieces, until nothing is missing.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/Alert";
import { ListeErreurs } from "@/components/formulaire/ListeErreurs";
import { ChoixAutorisation } from "@/components/formulaire/ChoixAutorisation";
import { useFormulaireAction } from "@/components/formulaire/useFormulaireAction";
import { CheckboxField, ChampsObligatoires, FieldMessages, SelectField } from "@/components/ui/Field";
import { PieceAFournir } from "@/components/inscription/PieceAFournir";
import type { PieceClient } from "@/components/inscription/envoi";
import { enregistrerInscriptionAction, type InscriptionState } from "../actions";

export type PieceSlot = {
  type: string;
  libelle: string;
  obligatoire: boolean;
  initiale: PieceClient | null;
  reutilisables: PieceClient[];
};

type Props = {
  demandeId: string;
  initial: Record<string, string>;
  enfant: string;
  dateDebut: string;
  dateFin: string;
  lieux: Record<string, string>;
  groupes: Record<string, string>;
  /** exclusive units (menus): one of them, a radio; the others (garderie Matin, Soir): any, each its box */
  unites: { id: string; libelle: string; exclusive: boolean }[];
  permissions: { cle: string; libelle: string }[];
  contacts: { id: string; nom: string }[];
  /** a known family without contacts: is someone else picking the child up? */
  demanderRecuperateur: boolean;
  pieces: PieceSlot[];
  attestations: { cle: string; libelle: string }[];
  reglementPublie: boolean;
};

function Section({ titre, children }: { titre: string; children: React.ReactNode }) {
  return (
    <section className="mb-8" aria-label={titre}>
      <h2 className="mb-3 border-b-2 border-marque pb-1 text-lg font-bold uppercase text-marque-fonce">{titre}</h2>
      {children}
    </section>
  );
}

/** A family without contacts: « Oui » leads to « Contacts et habilitations » once the demande is deposited. */
function AutreRecuperateur({ valeur }: { valeur?: string }) {
  return (
    <Section titre="Habilitations">
      <fieldset className="mb-4">
        <legend className="mb-1 font-semibold">
          Une autre personne que les représentants viendra-t-elle chercher l&apos;enfant ?
        </legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {(["OUI", "NON"] as const).map((choix) => (
            <label key={choix} className="inline-flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="autreRecuperateur"
                value={choix}
                defaultChecked={valeur === choix}
                className="size-5 accent-marque"
              />
              {choix === "OUI" ? "Oui" : "Non"}
            </label>
          ))}
        </div>
        <p className="mt-1 text-sm text-stone-700">
          Si oui, vous indiquerez cette personne dans « Contacts et habilitations » après avoir validé votre demande.
        </p>
      </fieldset>
    </Section>
  );
}

type Saisie = { v: Record<string, string>; errors: Record<string, string> };

/** INSCRIPTION: the child and the period, then the lieu, the groupe and the unit to choose. */
function SectionInscription({
  enfant,
  dateDebut,
  dateFin,
  lieux,
  groupes,
  unites,
  v,
  errors,
}: Saisie & Pick<Props, "enfant" | "dateDebut" | "dateFin" | "lieux" | "groupes" | "unites">) {
  return (
    <Section titre="Inscription">
      <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">Inscrit</dt>
        <dd>{enfant}</dd>
        <dt className="font-semibold">Date de début</dt>
        <dd>{dateDebut}</dd>
        <dt className="font-semibold">Date de fin</dt>
        <dd>{dateFin}</dd>
      </dl>
      <SelectField name="lieu" label="Lieu" required options={lieux} defaultValue={v.lieu ?? ""} error={errors.lieu} />
      <SelectField
        name="groupe"
        label="Groupe"
        required
        options={groupes}
        defaultValue={v.groupe ?? ""}
        error={errors.groupe}
      />
      {unites.length > 0 && (
        <fieldset className="mb-4" aria-describedby={errors.unite ? "unite-erreur" : undefined}>
          <legend className="mb-1 font-semibold">
            <span aria-hidden="true" className="mr-1 text-red-700">
              *
            </span>
            Unités
          </legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {unites.map((unite) =>
              unite.exclusive ? (
                <label key={unite.id} className="inline-flex min-h-11 items-center gap-2">
                  <input
                    type="radio"
                    name="unite"
                    value={unite.id}
                    defaultChecked={v.unite === unite.id}
                    required
                    className="size-5 accent-marque"
                  />
                  {unite.libelle}
                </label>
              ) : (
                <label key={unite.id} className="inline-flex min-h-11 items-center gap-2">
                  <input
                    type="checkbox"
                    name={`unite-${unite.id}`}
                    defaultChecked={v[`unite-${unite.id}`] === "on"}
                    className="size-5 accent-marque"
                  />
                  {unite.libelle}
                </label>
              ),
            )}
          </div>
          <FieldMessages name="unite" error={errors.unite} />
        </fieldset>
      )}
    </Section>
  );
}

/** PAI: the box, and the PAI's object asked once it is ticked. */
function SectionPai({ initiale, v, errors }: Saisie & { initiale: boolean }) {
  const [pai, setPai] = useState(initiale);
  return (
    <Section titre="PAI">
      <p className="mb-3 font-semibold">
        Si votre enfant est concerné par un PAI alimentaire, vous devez impérativement l&apos;indiquer lors de
        l&apos;inscription.
      </p>
      <p className="mb-4 rounded-md border-l-4 border-sky-700 bg-sky-50 p-3 text-sm">
        <strong>Information</strong> INFORMATION SUR LES PROJETS D&apos;ACCUEIL INDIVIDUALISES (PAI) : le PAI est un
        document écrit qui précise les adaptations à apporter à la vie de l&apos;enfant en collectivité. Il concerne les
        enfants atteints de troubles de la santé comme une pathologie chronique (ex : asthme), une allergie, une
        intolérance alimentaire ou les enfants atteints d&apos;une maladie longue durée (ex : cancer). Les parents
        souhaitant la mise en place d&apos;un PAI doivent l&apos;écrire sur la présente fiche au moment de
        l&apos;inscription. En cas d&apos;allergie alimentaire, intolérance alimentaire, l&apos;enfant ne sera pas admis
        à la cantine tant que le PAI n&apos;aura pas été établi. Le panier repas sera fourni par les parents.
      </p>
      <CheckboxField
        name="pai"
        label="Je souhaite que mon enfant bénéficie d'un P.A.I. car il a un problème de santé et/ou une allergie à prendre en charge en temps scolaire et périscolaire (le signaler à la directrice de l'école lors de l'admission de l'enfant)."
        checked={pai}
        onChange={(e) => setPai(e.target.checked)}
      />
      {pai && (
        <div className="mb-4">
          <label htmlFor="paiObjet" className="mb-1 block font-semibold">
            <span aria-hidden="true" className="mr-1 text-red-700">
              *
            </span>
            Précisez l&apos;objet du P.A.I.
          </label>
          <textarea
            id="paiObjet"
            name="paiObjet"
            rows={3}
            maxLength={1000}
            required
            defaultValue={v.paiObjet ?? ""}
            aria-invalid={errors.paiObjet ? true : undefined}
            aria-describedby={errors.paiObjet ? "paiObjet-erreur" : undefined}
            className="champ"
          />
          <FieldMessages name="paiObjet" error={errors.paiObjet} />
        </div>
      )}
    </Section>
  );
}

export function InscriptionForm(props: Props) {
  const { state, formAction, pending, onSubmit, attente } = useFormulaireAction(
    enregistrerInscriptionAction.bind(null, props.demandeId),
    { initial: { values: props.initial, errors: {} } as InscriptionState },
  );
  const refusRef = useRef<HTMLDivElement>(null);
  const v = state.values;
  const errors = state.errors;
  const refuse = Boolean(state.attestation || state.pieces?.length || Object.keys(errors).length);

  useEffect(() => {
    if (refuse) refusRef.current?.focus();
  }, [state, refuse]);

  const nbChamps = Object.keys(errors).length;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-busy={pending}>
      {attente}
      {refuse && (
        <div ref={refusRef} tabIndex={-1} className="outline-none">
          <Alert
            kind="erreur"
            title={
              state.attestation ?? "Votre demande n'est pas complète : vous ne pouvez pas encore aller à l'étape 2."
            }
          >
            {state.pieces && state.pieces.length > 0 && (
              <>
                <p>Pièces à fournir :</p>
                <ul className="list-disc pl-5">
                  {state.pieces.map((piece) => (
                    <li key={piece}>{piece}</li>
                  ))}
                </ul>
              </>
            )}
            {nbChamps > 0 && (
              <>
                <p>
                  {nbChamps === 1 ? "Une réponse manque :" : `${nbChamps} réponses manquent :`} ce qui est saisi est
                  enregistré.
                </p>
                <ListeErreurs errors={errors} />
              </>
            )}
          </Alert>
        </div>
      )}
      {state.message && <Alert kind="erreur" title={state.message} />}
      {state.enregistre && <Alert kind="succes" title="Les informations sont enregistrées." />}
      <ChampsObligatoires />

      <SectionInscription {...props} v={v} errors={errors} />

      <Section titre="Permissions">
        {props.permissions.map((p) => (
          <ChoixAutorisation
            key={p.cle}
            name={`permission-${p.cle}`}
            libelle={p.libelle}
            valeur={v[`permission-${p.cle}`]}
            error={errors[`permission-${p.cle}`]}
          />
        ))}
      </Section>

      {props.contacts.length > 0 && (
        <Section titre="Habilitations">
          {props.contacts.map((c) => (
            <ChoixAutorisation
              key={c.id}
              name={`habilitation-${c.id}`}
              libelle={`Venir chercher l'enfant — ${c.nom}`}
              valeur={v[`habilitation-${c.id}`]}
              error={errors[`habilitation-${c.id}`]}
            />
          ))}
        </Section>
      )}

      {props.demanderRecuperateur && <AutreRecuperateur valeur={v.autreRecuperateur} />}

      <SectionPai initiale={props.initial.pai === "on"} v={v} errors={errors} />

      <Section titre="Pièces jointes">
        <p className="mb-2">
          Il est obligatoire de joindre un justificatif de domicile et les pages parents et enfant du livret de famille.
          L&apos;attestation d&apos;assurance scolaire sera à fournir dès que possible. En cas de séparation, le
          jugement de divorce ou l&apos;attestation de séparation sont également à transmettre.
        </p>
        <p className="mb-3 text-sm text-stone-700">
          Formats acceptés : PDF, JPEG, PNG ou HEIC (photo d&apos;iPhone), 10 Mo au maximum par pièce.
        </p>
        <h3 className="mb-2 font-bold uppercase">Pièces à fournir</h3>
        <ul className="space-y-3">
          {props.pieces.map((piece) => (
            <PieceAFournir key={piece.type} demandeId={props.demandeId} {...piece} />
          ))}
        </ul>
      </Section>

      <Section titre="Attestation sur l'honneur">
        {props.attestations.map((a) => (
          <div key={a.cle}>
            {a.cle === "reglement" && (
              <p className="mb-3">
                <strong>Règlement intérieur du périscolaire</strong>{" "}
                {props.reglementPublie ? (
                  <Link href="/reglement-interieur" target="_blank">
                    Veuillez prendre connaissance du règlement intérieur du périscolaire ici.
                  </Link>
                ) : (
                  <>Veuillez prendre connaissance du règlement intérieur du périscolaire auprès du service Enfance.</>
                )}
              </p>
            )}
            <CheckboxField
              name={`attestation-${a.cle}`}
              label={a.libelle}
              defaultChecked={v[`attestation-${a.cle}`] === "on"}
            />
          </div>
        ))}
      </Section>

      <div className="mt-4 flex flex-col-reverse gap-3 border-t border-stone-200 pt-6 sm:flex-row sm:justify-between">
        <Link href={`/inscriptions/${props.demandeId}/annuler`} className="bouton-discret no-underline">
          Annuler la démarche
        </Link>
        <div className="flex flex-col gap-3 sm:flex-row">
          <button type="submit" name="intent" value="enregistrer" className="bouton-secondaire">
            Enregistrer
          </button>
          <button type="submit" name="intent" value="etape2" className="bouton-principal">
            Aller à l&apos;étape 2 &gt;
          </button>
        </div>
      </div>
    </form>
  );
}
