// What a node does on its way out (SIGTERM), once its HTTP server has stopped taking requests and the running
// ones have finished: instrumentation.ts registers the job runner's stop (lib/jobs/noeud.ts) and the database's close; the server
// (scripts/serveur.ts) runs them in that order. Kept on globalThis because the Next.js bundle, which registers,
// and the server script, which runs them, each load their own copy of this module.
type Tache = { nom: string; executer: () => Promise<void> };

declare global {
  var __portailArret: Tache[] | undefined;
}

function taches(): Tache[] {
  globalThis.__portailArret ??= [];
  return globalThis.__portailArret;
}

/** Registers a step of the shutdown; steps run in the order they were registered. */
export function avantArret(nom: string, executer: () => Promise<void>): void {
  taches().push({ nom, executer });
}

/** Runs every registered step once, in order; a step that fails does not keep the next ones from running. */
export async function executerArret(surEchec: (nom: string, error: unknown) => void): Promise<void> {
  for (const { nom, executer } of taches().splice(0)) {
    try {
      await executer();
    } catch (error) {
      surEchec(nom, error);
    }
  }
}
