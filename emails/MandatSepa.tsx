import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { LienSeul } from "@/emails/components/LienSeul";

export type MandatSepaProps = {
  commune: string;
  salutation: string;
  rum: string;
  /** "07/12/2026 à 10:15" */
  signeLe: string;
  /** 1 for the signature, more for a new IBAN (amendment) */
  version: number;
  lien: string;
};

export const mandatSepaSubject = () => "Votre mandat de prélèvement SEPA";

// The mandate signed (or its IBAN changed), its RUM, and its PDF attached with the IBAN masked: never an account
// number in the mail itself.
export default function MandatSepa({ commune, salutation, rum, signeLe, version, lien }: MandatSepaProps) {
  return (
    <MailLayout commune={commune} preview={mandatSepaSubject()}>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>
        {version > 1
          ? `Le compte de votre mandat de prélèvement SEPA (référence unique du mandat ${rum}) a été modifié le ${signeLe}. Les prochains prélèvements seront faits sur ce compte.`
          : `Vous avez signé le ${signeLe} un mandat de prélèvement SEPA (référence unique du mandat ${rum}) : vos prochaines factures seront prélevées sur votre compte, à la date indiquée sur chacune.`}
      </Text>
      <Text>Le mandat est joint à ce message (PDF). Conservez-le.</Text>
      <Text>
        {
          "Vous pouvez le consulter, modifier le compte ou le révoquer à tout moment dans votre espace, rubrique « Mes factures » : "
        }
        <LienSeul href={lien} />
      </Text>
    </MailLayout>
  );
}

MandatSepa.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHEVERRY",
  rum: "PF-2026-000042",
  signeLe: "07/12/2026 à 10:15",
  version: 1,
  lien: "http://localhost:3000/factures/prelevement",
} satisfies MandatSepaProps;
