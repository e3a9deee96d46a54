// "Payer en ligne" beside an invoice still to pay (Mes factures): to /factures/[numero]/payer, which sends the
// parent to PayFiP. Offered when the commune has configured PayFiP and the amount is one PayFiP accepts (1 € at
// least); otherwise the invoice is paid as its PDF says (cheque, cash, CESU, transfer).
import Link from "next/link";
import { config } from "@/lib/config";
import { MINIMUM_EN_LIGNE } from "@/lib/domain/paiement/payfip";

export function PayerEnLigne({ numero, resteCentimes }: { numero: string; resteCentimes: number }) {
  if (!config.payfip || resteCentimes < MINIMUM_EN_LIGNE) return null;
  return (
    <Link href={`/factures/${encodeURIComponent(numero)}/payer`} className="bouton-principal">
      Payer en ligne<span className="sr-only"> la facture {numero}</span>
    </Link>
  );
}
