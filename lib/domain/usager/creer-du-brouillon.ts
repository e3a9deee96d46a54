// Créer mon espace's VALIDER: the last step's fields and every step of the draft checked again on the server, then
// the space created (creer.ts). A space begun with FranceConnect asks for no identifiant (one is generated), no
// password and no anti-bot check: FranceConnect has authenticated the person. What says so is the draft's
// `franceconnect` identity, which only the verified FranceConnect callback writes (franceconnect.ts:
// connexionFranceConnect); the wizard's steps save their own schema's fields and nothing else
// (schemas.ts: champsDuBrouillon), so no field the browser sends can turn the check off.
import { AppError } from "@/lib/errors";
import { parseForm } from "@/lib/forms";
import { ALTCHA_MESSAGE, verifyAltcha } from "@/lib/auth/altcha";
import { isCommonPassword } from "@/lib/auth/password";
import { creerEspace, type EspaceCree } from "@/lib/domain/usager/creer";
import type { Brouillon } from "@/lib/domain/usager/brouillon";
import {
  adresseSchema,
  authentificationFranceConnectSchema,
  authentificationSchema,
  contactSchema,
  identiteSchema,
} from "@/lib/domain/usager/schemas";

export type IssueCreation =
  | { issue: "erreurs"; errors: Record<string, string> }
  /** a step of the draft no longer passes its schema: the wizard goes back to it (its index in ETAPES) */
  | { issue: "etape"; etape: number }
  | { issue: "cree"; espace: EspaceCree };

/** Whether this draft comes from a verified FranceConnect callback (never from what the browser sends). */
export const brouillonFranceConnect = (brouillon: Brouillon): boolean => Boolean(brouillon.data.franceconnect?.sub);

export async function creerEspaceDuBrouillon(
  brouillon: Brouillon,
  values: Record<string, string>,
  ctx: { ip: string },
): Promise<IssueCreation> {
  const franceconnect = brouillonFranceConnect(brouillon) ? brouillon.data.franceconnect : undefined;
  const parsed = franceconnect
    ? parseForm(authentificationFranceConnectSchema, values)
    : parseForm(authentificationSchema, values);
  const errors = parsed.success ? {} : { ...parsed.errors };
  const saisie = parsed.success
    ? (parsed.data as { identifiant?: string; motDePasse?: string; cleEnfance?: string })
    : {};
  const motDePasse = saisie.motDePasse ?? null;
  if (motDePasse && isCommonPassword(motDePasse)) {
    errors.motDePasse = "Ce mot de passe fait partie des plus courants : choisissez-en un moins prévisible.";
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { issue: "erreurs", errors };

  const { data } = brouillon;
  const identite = identiteSchema.safeParse(data.identite ?? {});
  const adresse = adresseSchema.safeParse(data.adresse ?? {});
  const contact = contactSchema.safeParse(data.contact ?? {});
  if (!data.cgu || !identite.success || !adresse.success || !contact.success) {
    return {
      issue: "etape",
      etape: [!data.cgu, !identite.success, !adresse.success, !contact.success].indexOf(true) + 1,
    };
  }

  if (!franceconnect && !(await verifyAltcha(values.altcha))) {
    return { issue: "erreurs", errors: { altcha: ALTCHA_MESSAGE } };
  }

  try {
    const espace = await creerEspace(
      {
        cguVersion: data.cgu.version,
        cguAcceptedAt: new Date(data.cgu.accepteeLe),
        identite: { ...identite.data, photoKey: data.identite?.photoKey },
        adresse: adresse.data,
        contact: contact.data,
        identifiant: franceconnect ? null : (saisie.identifiant ?? ""),
        motDePasse,
        cleEnfance: saisie.cleEnfance,
        franceconnectSub: franceconnect?.sub,
      },
      ctx,
    );
    return { issue: "cree", espace };
  } catch (error) {
    if (error instanceof AppError && error.field) return { issue: "erreurs", errors: { [error.field]: error.message } };
    throw error;
  }
}
