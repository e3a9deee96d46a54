import { Text } from "@react-email/text";
import { MailLayout } from "@/emails/components/MailLayout";
import { sansPointFinal } from "@/lib/texte/point-final";
import { LienSeul } from "@/emails/components/LienSeul";

export type Decision = "ACCEPTEE" | "REFUSEE" | "A_COMPLETER" | "ANNULEE";

export type DemandeDecisionProps = {
  commune: string;
  salutation: string;
  numero: number;
  typeLibelle: string;
  decision: Decision;
  /** the agent's motif: why it is refused, or what is missing */
  motif?: string | null;
  /** what the acceptance brings, e.g. the family's clé enfance */
  complement?: string | null;
  /** what the parent does next, in order, each with its link */
  etapes?: { texte: string; lien?: string }[];
  lien: string;
};

const PHRASES: Record<Decision, string> = {
  ACCEPTEE: "a été acceptée",
  REFUSEE: "a été refusée",
  A_COMPLETER: "est à compléter",
  ANNULEE: "a été classée sans suite",
};

const SUJETS: Record<Decision, string> = {
  ACCEPTEE: "acceptée",
  REFUSEE: "refusée",
  A_COMPLETER: "à compléter",
  ANNULEE: "classée sans suite",
};

/** "Demande N° 12 acceptée": the decision is in the subject, so it is not mistaken for the deposit's receipt. */
export const decisionSubject = (numero: number, decision: Decision) => `Demande N° ${numero} ${SUJETS[decision]}`;

const MOTIF: Record<Decision, string> = {
  ACCEPTEE: "",
  REFUSEE: "Motif du refus : ",
  A_COMPLETER: "Ce qu'il manque : ",
  ANNULEE: "Motif : ",
};

// Every decision of the agents (or of the system) on a demande. The motif is what the agent wrote for the
// parent; nothing else of the demande (never health data) is put in the mail: the link leads to it.
export default function DemandeDecision({
  commune,
  salutation,
  numero,
  typeLibelle,
  decision,
  motif,
  complement,
  etapes,
  lien,
}: DemandeDecisionProps) {
  return (
    <MailLayout commune={commune} preview={`Votre demande N° ${numero} ${PHRASES[decision]}`}>
      <Text>{`Référence : ${numero}`}</Text>
      <Text>{`Bonjour ${salutation}`}</Text>
      <Text>{`Votre demande N° ${numero} (${sansPointFinal(typeLibelle)}) ${PHRASES[decision]}.`}</Text>
      {complement && <Text>{complement}</Text>}
      {etapes && etapes.length > 0 && (
        <>
          <Text style={{ fontWeight: "bold" }}>Et maintenant :</Text>
          {etapes.map((etape, rang) => (
            <Text key={etape.texte}>
              {`${rang + 1}. ${etape.texte}`}
              {etape.lien && <LienSeul href={etape.lien} />}
            </Text>
          ))}
        </>
      )}
      {motif && <Text>{`${MOTIF[decision]}${motif}`}</Text>}
      {decision === "A_COMPLETER" && (
        <Text>Complétez-la depuis votre espace, puis renvoyez-la : elle reprendra alors son instruction.</Text>
      )}
      <Text>
        {"Pour consulter votre demande, connectez-vous à votre espace :"}
        <LienSeul href={lien} />
      </Text>
    </MailLayout>
  );
}

DemandeDecision.PreviewProps = {
  commune: "Villefranque",
  salutation: "Mme ETCHART",
  numero: 73,
  typeLibelle: "Ajout de famille",
  decision: "ACCEPTEE",
  complement: "Votre famille a été validée par le service Enfance. Votre clé enfance : K7M4-QX9P.",
  lien: "http://localhost:3000/demandes/73",
} satisfies DemandeDecisionProps;
