"use server";
// The console's two calls into the allocation (lib/domain/fenetre/attribuer.ts and verifier.ts):
// « Attribuer les places » once the close is past, « Vérifier le tirage » after.
import { revalidatePath } from "next/cache";
import { actionAgent } from "@/lib/action";
import { maintenant } from "@/lib/web/horloge";
import { attribuerFenetre } from "@/lib/domain/fenetre/attribuer";
import { verifierTirage } from "@/lib/domain/fenetre/verifier";
import { fenetreIdSchema } from "@/lib/domain/fenetre/schemas";

export const attribuerFenetreAction = actionAgent("fenetre.attribuer", fenetreIdSchema, async ({ agent, data }) => {
  await attribuerFenetre({
    fenetreId: data.fenetreId,
    acteur: { kind: "AGENT", agentId: agent.id },
    now: await maintenant(),
  });
  revalidatePath(`/agent/fenetres/${data.fenetreId}`);
  return { message: "Places attribuées : chaque famille reçoit le résultat par courriel et dans son calendrier." };
});

export const verifierTirageAction = actionAgent("fenetre.verifier", fenetreIdSchema, async ({ data }) => {
  const { conforme } = await verifierTirage(data.fenetreId);
  return conforme
    ? {
        message: "Tirage vérifié : refait à partir de la graine publiée, il donne exactement le classement enregistré.",
      }
    : {
        ok: false,
        message: "Le tirage refait à partir de la graine ne donne pas le classement enregistré : signalez-le.",
      };
});
