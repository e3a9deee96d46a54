// The fields of « Créer mon espace »'s Adresse, Contact and Authentification steps (Identité is
// components/formulaire/IdentiteFields.tsx), with the seed's labels; EtapeForm shows the step's own.
import { TextField, SelectField } from "@/components/ui/Field";
import { PasswordField } from "@/components/ui/PasswordField";
import { AltchaField } from "@/components/ui/AltchaField";
import { IDENTIFIANT_RULE, MOYENS_CONTACT } from "@/lib/domain/usager/schemas";

type Saisie = { v: Record<string, string>; errors: Record<string, string> };

export function AdresseEtape({ v, errors }: Saisie) {
  return (
    <>
      <fieldset>
        <legend className="sr-only">Adresse complète</legend>
        <div className="grid gap-x-4 sm:grid-cols-[8rem_1fr]">
          <TextField
            name="adresseNumero"
            label="Numéro"
            defaultValue={v.adresseNumero}
            error={errors.adresseNumero}
            maxLength={10}
          />
          <TextField
            name="adresseVoie"
            label="Voie"
            defaultValue={v.adresseVoie}
            error={errors.adresseVoie}
            autoComplete="address-line1"
            maxLength={150}
          />
        </div>
        <TextField
          name="adresseComplement"
          label="Complément"
          defaultValue={v.adresseComplement}
          error={errors.adresseComplement}
          autoComplete="address-line2"
          maxLength={150}
        />
        <div className="grid gap-x-4 sm:grid-cols-[10rem_1fr]">
          <TextField
            name="codePostal"
            label="Code postal"
            defaultValue={v.codePostal}
            error={errors.codePostal}
            autoComplete="postal-code"
            inputMode="numeric"
            maxLength={10}
            hint="5 chiffres en France."
          />
          <TextField
            name="ville"
            label="Ville"
            defaultValue={v.ville}
            error={errors.ville}
            autoComplete="address-level2"
            maxLength={100}
          />
        </div>
        <TextField
          name="pays"
          label="Pays"
          defaultValue={v.pays ?? "France"}
          error={errors.pays}
          autoComplete="country-name"
          maxLength={100}
        />
      </fieldset>
    </>
  );
}

export function ContactEtape({ v, errors, franceconnect }: Saisie & { franceconnect?: boolean }) {
  return (
    <>
      <fieldset>
        <legend className="sr-only">Moyens de contact</legend>
        <TextField
          name="telephone"
          label="Téléphone"
          type="tel"
          defaultValue={v.telephone}
          error={errors.telephone}
          autoComplete="tel"
        />
        <TextField
          name="mobile"
          label="Mobile"
          type="tel"
          defaultValue={v.mobile}
          error={errors.mobile}
          autoComplete="tel"
        />
        <TextField
          name="courriel"
          label="Courriel"
          type="email"
          required
          defaultValue={v.courriel}
          error={errors.courriel}
          autoComplete="email"
          hint={
            franceconnect
              ? "Celle que FranceConnect nous a transmise : vous pouvez la modifier. Le lien d'activation de votre espace y sera envoyé."
              : "Le lien d'activation de votre espace y sera envoyé."
          }
        />
        <SelectField
          name="moyenContactPrefere"
          label="Moyen de contact préféré"
          options={MOYENS_CONTACT}
          defaultValue={v.moyenContactPrefere ?? ""}
          error={errors.moyenContactPrefere}
        />
      </fieldset>
    </>
  );
}

export function AuthentificationEtape({
  v,
  errors,
  franceconnect,
  cleAltcha,
}: Saisie & {
  franceconnect?: boolean;
  /** a refused submission may have spent the solution: a new key, a new widget asking for a new one */
  cleAltcha: string;
}) {
  return (
    <>
      <>
        {franceconnect ? (
          <p className="mb-6">
            FranceConnect vous a identifié : ni identifiant à choisir, ni mot de passe, ni contrôle de sécurité.
            FranceConnect suffira pour vous connecter, et l&apos;identifiant attribué à votre espace vous sera indiqué à
            sa création.
          </p>
        ) : (
          <fieldset className="mb-6">
            <legend className="sr-only">Authentification</legend>
            <TextField
              name="identifiant"
              label="Identifiant d'utilisateur"
              required
              defaultValue={v.identifiant}
              error={errors.identifiant}
              autoComplete="username"
              hint={IDENTIFIANT_RULE}
              maxLength={50}
            />
            <PasswordField
              name="motDePasse"
              label="Mot de passe"
              defaultValue={v.motDePasse}
              error={errors.motDePasse}
            />
            <PasswordField
              name="confirmation"
              label="Confirmation du mot de passe"
              defaultValue={v.confirmation}
              error={errors.confirmation}
              showRule={false}
            />
          </fieldset>
        )}
        <fieldset className="mb-6">
          <legend className="mb-3 text-lg font-bold uppercase">Services</legend>
          <div className="mb-3 space-y-2 text-sm">
            <p>
              L&apos;utilisation des services du portail familles nécessite une activation initiale au moyen de
              l&apos;application « Clé enfance ». Cette clé enfance sera directement intégrée dans votre espace
              personnel.
            </p>
            <p>
              Laissez le champ « clé enfance » vide pour l&apos;instant et finalisez la création de votre espace
              personnel.
            </p>
            <p>
              Si besoin, vous pourrez renseigner ultérieurement cette « clé enfance » dans « modifier votre Espace ».
            </p>
          </div>
          {/* most parents have no key yet: the field waits behind its question instead of asking not to be filled */}
          <details className="rounded-md border border-stone-300 p-3" open={Boolean(v.cleEnfance || errors.cleEnfance)}>
            <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-marque-fonce">
              J&apos;ai une clé enfance
            </summary>
            <div className="mt-3">
              <TextField
                name="cleEnfance"
                label="Clé Enfance"
                defaultValue={v.cleEnfance}
                error={errors.cleEnfance}
                maxLength={20}
                autoComplete="off"
                hint="La Clé Enfance fait le lien entre le logiciel et votre espace personnel du portail famille. Elle est générée à l'issue de la création de votre famille et de sa validation par les agents de la mairie : ne la saisissez que si elle vous a été communiquée (par exemple par l'autre parent de la famille)."
              />
            </div>
          </details>
        </fieldset>
        {!franceconnect && (
          <fieldset>
            <legend className="mb-3 text-lg font-bold uppercase">Contrôle de sécurité</legend>
            <AltchaField key={cleAltcha} error={errors.altcha} />
          </fieldset>
        )}
      </>
    </>
  );
}
