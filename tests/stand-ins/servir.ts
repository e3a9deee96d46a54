// A stand-in started from the command line (`tsx tests/stand-ins/<nom>.ts --serve --port N`, as the e2e and the
// demo start them): says where it listens, stops cleanly on SIGTERM and SIGINT, exits 1 when it cannot start.

/** Whether this process was started as `<fichier> --serve` (and not imported by a test). */
export function lanceEnLigneDeCommande(fichier: string): boolean {
  return (
    process.argv.includes("--serve") &&
    new RegExp(`stand-ins[\\\\/]${fichier}\\.[cm]?[jt]s$`).test(process.argv[1] ?? "")
  );
}

/** The value of `--<nom> <valeur>` on the command line. */
export function argument(nom: string): string | undefined {
  const index = process.argv.indexOf(`--${nom}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Prints "<nom> stand-in listening on <url>" (the line playwright.config.ts waits for), then `detail`. */
export function servir(nom: string, demarrage: Promise<{ url: string; close(): Promise<void> }>, detail = ""): void {
  demarrage.then(
    (standIn) => {
      console.log(`${nom} stand-in listening on ${standIn.url}${detail}`);
      const stop = () => void standIn.close().then(() => process.exit(0));
      process.on("SIGTERM", stop);
      process.on("SIGINT", stop);
    },
    (error: unknown) => {
      console.error(`${nom} stand-in could not start:`, error);
      process.exit(1);
    },
  );
}
