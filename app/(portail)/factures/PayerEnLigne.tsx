// The place of "Payer en ligne" beside an invoice still to pay: the PayFiP branch fills it (a link or a form to
// /factures/[numero]/payer). Until then an invoice is paid as its PDF says (cheque, cash, CESU, transfer).
export function PayerEnLigne({ numero }: { numero: string; resteCentimes: number }) {
  return <span data-payer={`/factures/${numero}/payer`} hidden />;
}
