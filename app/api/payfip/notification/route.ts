// PayFiP's notification (urlnotif): a POST carrying the operation's `idop` (form field; `idOp` accepted too), no
// result and no signature. Public, so it only ever triggers a lookup: the result is asked of PayFiP
// (recupererDetailPaiementSecurise) by the idempotent command, whatever the caller claims. Answered 200 with an
// empty body whether or not the idop is known (it tells nothing to whoever tries idops).
import { config } from "@/lib/config";
import { constaterOperation } from "@/lib/domain/paiement/payfip";

export const dynamic = "force-dynamic";

const IDOP = /^[A-Za-z0-9-]{1,64}$/;

export async function POST(request: Request) {
  const reglages = config.payfip;
  if (!reglages) return new Response(null, { status: 404 });
  const formulaire = await request.formData().catch(() => null);
  const valeur = formulaire?.get("idop") ?? formulaire?.get("idOp") ?? new URL(request.url).searchParams.get("idop");
  if (typeof valeur !== "string" || !IDOP.test(valeur)) return new Response(null, { status: 400 });
  await constaterOperation({ idOp: valeur, now: new Date(), reglages });
  return new Response(null, { status: 200 });
}
