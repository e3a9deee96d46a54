// LE RÉCAPITULATIF of an Ajout de famille, as the seed lays it out (TITULAIRE DU COMPTE, then each member):
// step 2 of the wizard, the "La demande" tab of the suivi, and the agents' console show the same.
import { CIVILITES } from "@/lib/domain/usager/schemas";
import {
  MODALITES_CONTACT,
  nomDePersonne,
  QUALITES,
  qualiteLibelle,
  SEXES,
  type Brouillon,
} from "@/lib/domain/famille/schemas";
import { formatParis } from "@/lib/dates";
import { jourIso } from "@/lib/champs";

type Valeurs = Record<string, string>;

function date(value?: string): string {
  const jour = value ? jourIso(value) : null;
  return jour ? formatParis(jour, "dd/MM/yyyy") : "";
}

function adresse(values: Valeurs | null): string {
  if (!values) return "";
  const ligne1 = [values.adresseNumero, values.adresseVoie].filter(Boolean).join(" ");
  const details = [
    values.adresseBatiment && `Bât. ${values.adresseBatiment}`,
    values.adresseAppartement && `Appt ${values.adresseAppartement}`,
    values.adresseComplement,
  ]
    .filter(Boolean)
    .join(", ");
  return [ligne1, details, `${values.codePostal ?? ""} ${values.ville ?? ""} / ${values.pays ?? ""}`.trim()]
    .filter(Boolean)
    .join(" — ");
}

function Ligne({ terme, children }: { terme: string; children?: React.ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-stone-200 py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="font-semibold">{terme}</dt>
      <dd className="break-words">{children || "—"}</dd>
    </div>
  );
}

function Section({ titre, children }: { titre: string; children: React.ReactNode }) {
  return (
    <section className="mb-6" aria-label={titre}>
      <h3 className="mb-2 bg-stone-100 px-3 py-2 font-bold uppercase">{titre}</h3>
      <dl>{children}</dl>
    </section>
  );
}

function Representant({ titre, v, titulaire }: { titre: string; v: Valeurs; titulaire: Valeurs | null }) {
  const qualite =
    v.qualite && v.qualite in QUALITES
      ? qualiteLibelle(v.qualite as keyof typeof QUALITES, v.autoriteParentale === "oui")
      : "";
  return (
    <Section titre={`${titre} : ${nomDePersonne("titulaire", v)}`}>
      <Ligne terme="Civilité">{CIVILITES[v.civilite as keyof typeof CIVILITES]}</Ligne>
      <Ligne terme="Nom de famille">{v.nomFamille}</Ligne>
      <Ligne terme="Date de naissance">{date(v.dateNaissance)}</Ligne>
      <Ligne terme="Lieu de naissance">
        {[v.communeNaissance, v.departementNaissance, v.paysNaissance].filter(Boolean).join(", ")}
      </Ligne>
      <Ligne terme="Adresse">{v.memeAdresse === "on" ? adresse(titulaire) : adresse(v)}</Ligne>
      <Ligne terme="Téléphone domicile">{v.telephoneDomicile}</Ligne>
      <Ligne terme="Téléphone portable">{v.telephonePortable}</Ligne>
      <Ligne terme="Courriel">{v.courriel}</Ligne>
      <Ligne terme="Profession">{v.profession}</Ligne>
      <Ligne terme="Employeur">{v.employeur}</Ligne>
      <Ligne terme="Téléphone professionnel">{v.telephonePro}</Ligne>
      <Ligne terme="Modalité de contact">
        {MODALITES_CONTACT[v.modaliteContact as keyof typeof MODALITES_CONTACT]}
      </Ligne>
      <Ligne terme="Qualité">{qualite}</Ligne>
    </Section>
  );
}

export function RecapAjoutFamille({ brouillon }: { brouillon: Brouillon }) {
  const { titulaire, coRepresentant, enfants, contacts } = brouillon;
  return (
    <div>
      {titulaire && <Representant titre="Titulaire du compte" v={titulaire} titulaire={titulaire} />}
      {coRepresentant && <Representant titre="Co-représentant" v={coRepresentant} titulaire={titulaire} />}
      {enfants.map((enfant, rang) => (
        <Section key={enfant.id} titre={`Membre : ${nomDePersonne("enfant", enfant, rang)}`}>
          <Ligne terme="Sexe">{SEXES[enfant.sexe as keyof typeof SEXES]}</Ligne>
          <Ligne terme="Date de naissance">{date(enfant.dateNaissance)}</Ligne>
          <Ligne terme="Lieu de naissance">{enfant.lieuNaissance}</Ligne>
          <Ligne terme="Adresse">{enfant.memeAdresse === "on" ? adresse(titulaire) : adresse(enfant)}</Ligne>
        </Section>
      ))}
      {contacts.map((contact, rang) => (
        <Section key={contact.id} titre={`Contact : ${nomDePersonne("contact", contact, rang)}`}>
          <Ligne terme="Lien avec l'enfant">{contact.lien}</Ligne>
          <Ligne terme="Téléphone portable">{contact.telephonePortable}</Ligne>
          <Ligne terme="Téléphone domicile">{contact.telephoneDomicile}</Ligne>
          <Ligne terme="À prévenir en cas d'urgence">{contact.aPrevenir === "on" ? "Oui" : "Non"}</Ligne>
          <Ligne terme="Autorisé(e) à venir chercher l'enfant">
            {contact.autoriseRecuperer === "on" ? "Oui" : "Non"}
          </Ligne>
        </Section>
      ))}
    </div>
  );
}
