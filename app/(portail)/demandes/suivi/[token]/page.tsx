import { notFound, redirect } from "next/navigation";
import { requireUsager } from "@/lib/auth/current";
import { numeroParSuivi } from "@/lib/domain/demande/queries";

export const metadata = { title: "Suivi de la demande" };

// The link of the deposit mail. It shows nothing by itself: the parent logs in first (and comes back here),
// then reaches the demande only if it is theirs.
export default async function SuiviParLienPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { usager } = await requireUsager(`/demandes/suivi/${token}`);
  const numero = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await numeroParSuivi(usager.id, token) : null;
  if (numero === null) notFound();
  redirect(`/demandes/${numero}`);
}
