// The régie's bank details as an agent types them: the portal's one rule for an IBAN and a BIC
// (lib/domain/prelevement/iban.ts, the mandates' and the creditor's too). Spaces and case are forgiven.
export { erreurBic, erreurIban, ibanEnClair, normaliserBic, normaliserIban } from "@/lib/domain/prelevement/iban";
