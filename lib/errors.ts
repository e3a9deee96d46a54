// Errors whose French message may be shown to the person who caused them. Anything else that escapes a
// command is logged without its data and answered with a generic message.
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** the form field the message belongs beside, when there is one */
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const GENERIC_ERROR = "Une erreur inattendue est survenue. Veuillez réessayer dans quelques instants.";
