-- One changement d'adresse, suppression de l'espace or rattachement in progress per space: the commands create and
-- deposit in one transaction, and this index refuses the second of two concurrent deposits (lib/domain/demande/deposer.ts).
-- The predicate is written as PostgreSQL prints it back, so the next `npm run db:migrate` finds no difference.
-- CreateIndex
CREATE UNIQUE INDEX "Demande_une_en_cours_par_espace" ON "Demande"("usagerId", "type") WHERE (type = ANY (ARRAY['CHANGEMENT_ADRESSE'::"TypeDemande", 'SUPPRESSION_ESPACE'::"TypeDemande", 'RATTACHEMENT_FAMILLE'::"TypeDemande"])) AND (statut = ANY (ARRAY['DEPOSEE'::"StatutDemande", 'EN_INSTRUCTION'::"StatutDemande", 'A_COMPLETER'::"StatutDemande"]));
