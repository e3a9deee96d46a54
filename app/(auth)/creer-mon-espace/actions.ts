"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionPublique, actionPubliqueLiee, saisieLibre } from "@/lib/action";
import { AppError } from "@/lib/errors";
import { formValues, parseForm, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/auth/current";
import { ALTCHA_MESSAGE, verifyAltcha } from "@/lib/auth/altcha";
import { isCommonPassword } from "@/lib/auth/password";
import { getStorage } from "@/lib/storage/storage";
import { checkUpload, PHOTO_RULE } from "@/lib/storage/upload-check";
import { currentCgu } from "@/lib/domain/commune/queries";
import { creerEspace } from "@/lib/domain/usager/creer";
import { verrouillerIdentite } from "@/lib/domain/usager/franceconnect";
import {
  createBrouillon,
  deleteBrouillon,
  saveBrouillon,
  type Brouillon,
  type DonneesBrouillon,
} from "@/lib/domain/usager/brouillon";
import {
  adresseSchema,
  authentificationBrouillonSchema,
  authentificationSchema,
  champsDuBrouillon,
  contactSchema,
  ETAPES,
  etapeIndex,
  identiteSchema,
  STEP_SCHEMAS,
  type EtapeSlug,
} from "@/lib/domain/usager/schemas";
import { brouillonCourant, clearDraftCookie, setDraftCookie } from "./brouillon-cookie";

const stepPath = (index: number) => (index <= 0 ? "/creer-mon-espace" : `/creer-mon-espace/${ETAPES[index]!.slug}`);

/** JE CRÉE MON ESPACE: opens a draft (or reopens this browser's) and goes where the parent left off. */
export const commencer = actionPublique("creerEspace.commencer", z.object({}), async () => {
  let brouillon = await brouillonCourant();
  if (!brouillon) {
    const created = await createBrouillon(await clientIp());
    if (!created) redirect("/creer-mon-espace?trop=1");
    await setDraftCookie(created.token);
    brouillon = created.brouillon;
  }
  redirect(stepPath(Math.max(1, brouillon.step)));
});

/** ANNULER: the draft and its photo are deleted. */
export const annuler = actionPublique("creerEspace.annuler", z.object({}), async () => {
  const brouillon = await brouillonCourant();
  if (brouillon) {
    const photoKey = brouillon.data.identite?.photoKey;
    if (photoKey) await getStorage().remove(photoKey);
    await deleteBrouillon(brouillon.id);
  }
  await clearDraftCookie();
  redirect("/");
});

/**
 * SUIVANT / PRÉCÉDENT / VALIDER of a step (bound to the step by its page): what was typed is saved either way;
 * SUIVANT also checks it. A refusal sends back what was typed (passwords left out by the wrapper).
 */
export const enregistrerEtape = actionPubliqueLiee("creerEspace.etape", saisieLibre, async ({ lie, formData }) => {
  const etat = await enregistrer(lie as Exclude<EtapeSlug, "bienvenue">, formData);
  return { ok: false, values: etat.values, errors: etat.errors };
});

async function enregistrer(etape: Exclude<EtapeSlug, "bienvenue">, formData: FormData): Promise<FormState> {
  const brouillon = await brouillonCourant();
  if (!brouillon) redirect("/creer-mon-espace?expire=1");
  const index = etapeIndex(etape);
  if (index < 1 || index > brouillon.reached) redirect(stepPath(brouillon.reached));

  const { intent, ...values } = formValues(formData);
  if (etape === "identite") verrouillerIdentite(brouillon, values);
  const errors: Record<string, string> = {};
  if (etape === "identite") {
    const photoError = await enregistrerPhoto(brouillon, values, formData.get("photo"));
    if (photoError) errors.photo = photoError;
  }
  const saved = champsDuBrouillon(etape, values);
  if (values.photoKey) saved.photoKey = values.photoKey;

  if (intent === "precedent") {
    await saveBrouillon(brouillon.id, partOf(etape, saved), { step: index - 1, reached: brouillon.reached });
    redirect(stepPath(index - 1));
  }

  if (etape === "authentification") return valider(brouillon, values, saved);

  const parsed = parseForm(STEP_SCHEMAS[etape], values);
  if (!parsed.success) Object.assign(errors, parsed.errors);
  if (Object.keys(errors).length > 0) {
    await saveBrouillon(brouillon.id, partOf(etape, saved), { step: index, reached: brouillon.reached });
    return { values, errors };
  }
  const cgu = etape === "cgu" ? await currentCgu() : null;
  const part: Partial<DonneesBrouillon> = cgu
    ? { cgu: { version: cgu.version, accepteeLe: new Date().toISOString() } }
    : partOf(etape, saved);
  await saveBrouillon(brouillon.id, part, { step: index + 1, reached: Math.max(brouillon.reached, index + 1) });
  redirect(stepPath(index + 1));
}

function partOf(etape: Exclude<EtapeSlug, "bienvenue">, saved: Record<string, string>): Partial<DonneesBrouillon> {
  // Unticking the CGU box and going back withdraws the acceptance.
  if (etape === "cgu") return saved.accepte ? {} : { cgu: undefined };
  return { [etape]: saved };
}

/**
 * The optional photo: checked by its bytes (JPEG, PNG, WebP or HEIC, 5 MB at most), kept in storage, and its
 * key set in values. A photoKey sent by the browser is never trusted: it could name someone else's file.
 */
async function enregistrerPhoto(
  brouillon: Brouillon,
  values: Record<string, string>,
  file: FormDataEntryValue | null,
): Promise<string | null> {
  const previous = brouillon.data.identite?.photoKey;
  let key = values.supprimerPhoto ? undefined : previous;
  delete values.photoKey;
  delete values.supprimerPhoto;
  let error: string | null = null;
  if (file instanceof File && file.size > 0) {
    const check = await checkUpload(file, PHOTO_RULE);
    if (check.ok) key = await getStorage().put(check.bytes);
    else error = check.message;
  }
  if (previous && previous !== key) await getStorage().remove(previous);
  if (key) values.photoKey = key;
  return error;
}

/** VALIDER: every step is checked again on the server, then the space is created in one transaction. */
async function valider(
  brouillon: Brouillon,
  values: Record<string, string>,
  saved: Record<string, string>,
): Promise<FormState> {
  const index = etapeIndex("authentification");
  await saveBrouillon(brouillon.id, { authentification: saved }, { step: index, reached: brouillon.reached });
  // After FranceConnect no password is asked: FranceConnect opens the space (a password may be added later).
  const franceconnect = brouillon.data.franceconnect;
  const parsed = parseForm(franceconnect ? authentificationBrouillonSchema : authentificationSchema, values);
  const errors = parsed.success ? {} : { ...parsed.errors };
  const motDePasse =
    parsed.success && "motDePasse" in parsed.data && typeof parsed.data.motDePasse === "string"
      ? parsed.data.motDePasse
      : null;
  if (motDePasse && isCommonPassword(motDePasse)) {
    errors.motDePasse = "Ce mot de passe fait partie des plus courants : choisissez-en un moins prévisible.";
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { values, errors };

  const { data } = brouillon;
  const identite = identiteSchema.safeParse(data.identite ?? {});
  const adresse = adresseSchema.safeParse(data.adresse ?? {});
  const contact = contactSchema.safeParse(data.contact ?? {});
  const firstInvalid = [!data.cgu, !identite.success, !adresse.success, !contact.success].indexOf(true);
  if (firstInvalid >= 0 || !identite.success || !adresse.success || !contact.success || !data.cgu) {
    await saveBrouillon(brouillon.id, {}, { step: firstInvalid + 1, reached: firstInvalid + 1 });
    redirect(stepPath(firstInvalid + 1));
  }

  if (!(await verifyAltcha(values.altcha))) return { values, errors: { altcha: ALTCHA_MESSAGE } };

  let cree: Awaited<ReturnType<typeof creerEspace>>;
  try {
    cree = await creerEspace(
      {
        cguVersion: data.cgu.version,
        cguAcceptedAt: new Date(data.cgu.accepteeLe),
        identite: { ...identite.data, photoKey: data.identite?.photoKey },
        adresse: adresse.data,
        contact: contact.data,
        identifiant: parsed.data.identifiant,
        motDePasse,
        cleEnfance: parsed.data.cleEnfance,
        franceconnectSub: franceconnect?.sub,
      },
      { ip: await clientIp() },
    );
  } catch (error) {
    if (error instanceof AppError && error.field) {
      return { values, errors: { [error.field]: error.message } };
    }
    throw error;
  }
  // A courriel that already had a space: nothing was created (the page says the same), so nothing keeps the photo.
  const photoKey = data.identite?.photoKey;
  if (!cree.usagerId && photoKey) await getStorage().remove(photoKey);
  await deleteBrouillon(brouillon.id);
  await clearDraftCookie();
  redirect("/creer-mon-espace/confirmation");
}
