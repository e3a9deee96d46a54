"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { actionPublique, actionPubliqueLiee, saisieLibre } from "@/lib/action";
import { formValues, parseForm, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/auth/current";
import { getStorage } from "@/lib/storage/storage";
import { checkUpload, PHOTO_RULE } from "@/lib/storage/upload-check";
import { currentCgu } from "@/lib/domain/commune/queries";
import { brouillonFranceConnect, creerEspaceDuBrouillon } from "@/lib/domain/usager/creer-du-brouillon";
import { verrouillerIdentite } from "@/lib/domain/usager/franceconnect";
import {
  createBrouillon,
  deleteBrouillon,
  saveBrouillon,
  type Brouillon,
  type DonneesBrouillon,
} from "@/lib/domain/usager/brouillon";
import { champsDuBrouillon, ETAPES, etapeIndex, STEP_SCHEMAS, type EtapeSlug } from "@/lib/domain/usager/schemas";
import { brouillonCourant, clearDraftCookie, setDraftCookie, setEspaceCreeCookie } from "./brouillon-cookie";

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
  const resultat = await creerEspaceDuBrouillon(brouillon, values, { ip: await clientIp() });
  if (resultat.issue === "erreurs") return { values, errors: resultat.errors };
  if (resultat.issue === "etape") {
    await saveBrouillon(brouillon.id, {}, { step: resultat.etape, reached: resultat.etape });
    redirect(stepPath(resultat.etape));
  }
  // A courriel that already had a space: nothing was created (the page says the same), so nothing keeps the photo.
  const photoKey = brouillon.data.identite?.photoKey;
  if (!resultat.espace.usagerId && photoKey) await getStorage().remove(photoKey);
  await deleteBrouillon(brouillon.id);
  await clearDraftCookie();
  // After FranceConnect the identifiant was generated: the confirmation shows it, once.
  if (brouillonFranceConnect(brouillon)) await setEspaceCreeCookie(resultat.espace.identifiant);
  redirect("/creer-mon-espace/confirmation");
}
