// The answer to « Enregistrer »: what was saved, and each refused day with the server's reason. Above the
// calendar, away from the button pressed at the bottom: brought into view and focused (Alert's `reponse`).
import { Alert } from "@/components/ui/Alert";
import { jourEnClair } from "@/lib/temps/jours-calcul";

export function ReponseEnregistrement({
  message,
  ok,
  refus,
  libelleUnite,
}: {
  message: string;
  ok: boolean;
  /** the refused days' reasons, keyed "jour|uniteId" (resumeBilan) */
  refus: Record<string, string>;
  libelleUnite: (uniteId: number) => string | undefined;
}) {
  const lignes = Object.entries(refus).filter(([cle]) => cle.includes("|"));
  return (
    <Alert kind={ok ? "succes" : "erreur"} title={message} reponse>
      {lignes.length > 0 && (
        <ul className="list-disc pl-5 text-sm">
          {lignes.map(([cle, raison]) => {
            const [jour, uniteId] = cle.split("|");
            return (
              <li key={cle}>
                {jourEnClair(jour!).replace(/^./, (c) => c.toUpperCase())}, {libelleUnite(Number(uniteId))} : {raison}
              </li>
            );
          })}
        </ul>
      )}
    </Alert>
  );
}
