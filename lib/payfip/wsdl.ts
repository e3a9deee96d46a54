// Where the PayFiP Régie WSDL lives (committed beside this file, written from docs/faits/payfip.md): read
// by the adapter (lib/payfip/client.ts) and served by the local stand-in (tests/stand-ins/payfip-soap.ts). Relative to
// the working directory, which is the project's root in every process (next start, the standalone server, tsx,
// vitest); next.config.ts names the file for the standalone output's trace.
import path from "node:path";

export const CHEMIN_WSDL = path.join(process.cwd(), "lib/payfip/PaiementSecuriseService.wsdl");

/** The namespace of the service's wrapper elements (and of its faults' detail). */
export const NAMESPACE_PAYFIP =
  "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService";

/** The service's path and the payment page's, under PAYFIP_URL (https://www.payfip.gouv.fr in production). */
export const CHEMIN_SERVICE = "/tpa/services/securite";
export const CHEMIN_PAGE = "/tpa/paiementws.web";

/** What `resultrans` says: P paid by card, V paid by direct debit, R card refused, Z debit refused, A abandoned. */
export type Resultrans = "P" | "V" | "R" | "Z" | "A";
export const RESULTRANS: readonly Resultrans[] = ["P", "V", "R", "Z", "A"];
