// Activity names are stored as the seed writes them, with a final dot (« Inscription à la restauration (école
// publique). »): right as a line of its own, a stray dot inside a sentence (« votre demande (Inscription à la
// restauration (école publique).) a été acceptée ») or before a punctuation mark. Every place that puts such a
// name inside a sentence takes it through this helper.

/** The name without its final dot: « Inscription à la restauration (école publique) ». An ellipsis stays. */
export const sansPointFinal = (nom: string): string => nom.replace(/(?<!\.)\.\s*$/, "").trimEnd();
