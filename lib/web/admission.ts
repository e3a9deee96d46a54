// Admission control of one node (issue 28, « never an error, only a wait »): at most `concurrence` requests run at
// once; up to `file` more wait in order; past that bound the caller is refused with the position it would have
// had and an estimate, and scripts/serveur.ts answers it the « salle d'attente » (lib/web/salle-attente.ts).
//
// - Actions (a POST: a parent saving) go before the page GETs and have their own, larger bound (`fileActions`):
//   a parent who is saving is nearly done, and finishing them frees the node. A save is turned away only when
//   even that bound is full.
// - A queued request whose client went away (`abandonner`) leaves the queue and never runs.
// - A request that waited `attenteMaxMs` without being admitted is answered as one past the bound: nobody is
//   left hanging.
// - The estimate: a moving average of recent service times × position / concurrence, in whole seconds (≥ 1).
//
// Framework-free and without timers of its own choosing: the clock and the scheduler are parameters, so that
// lib/web/admission.test.ts drives it with fake tasks and no timing.

export type Reglages = {
  /** requests running at once; Infinity: no limit (the limiter only counts) */
  concurrence: number;
  /** page requests (GET…) that may wait beyond those running */
  file: number;
  /** actions (POST) that may wait: their own bound, larger */
  fileActions: number;
  /** the longest wait in the queue before the request is answered the waiting room */
  attenteMaxMs: number;
};

export type Outils = {
  /** milliseconds, monotonic */
  maintenant: () => number;
  /** calls `rappel` after `ms`; returns what cancels it */
  planifier: (ms: number, rappel: () => void) => () => void;
};

export type Refus = {
  admis: false;
  /** "file" past the bound, "attente" waited too long, "abandon" the client went away (answer nothing) */
  raison: "file" | "attente" | "abandon";
  /** the position it would have had (or had) in the queue, from 1 */
  position: number;
  /** seconds, whole, ≥ 1 */
  estimation: number;
};

export type Admis = {
  admis: true;
  /** milliseconds spent in the queue */
  attenteMs: number;
  /** to call once when the request is over (answered or cut): frees the place, measures the service time */
  liberer: () => void;
};

export type Compteurs = {
  enCours: number;
  enAttente: number;
  /** answered the waiting room (past the bound or waited too long) since the start */
  refusees: number;
  admises: number;
  /** the longest wait in the queue of an admitted request since the start, ms */
  attenteMaxMs: number;
};

type Attente = {
  action: boolean;
  arrivee: number;
  resoudre: (issue: Admis | Refus) => void;
  annulerDelai: () => void;
};

/** How many recent service times the average keeps, and what it assumes before the first one. */
const ECHANTILLONS = 50;
const SERVICE_INITIAL_MS = 500;

export const outilsReels: Outils = {
  maintenant: () => performance.now(),
  planifier: (ms, rappel) => {
    const minuterie = setTimeout(rappel, ms);
    minuterie.unref();
    return () => clearTimeout(minuterie);
  },
};

export class Admission {
  private enCours = 0;
  /** actions first, then pages, each in arrival order */
  private readonly actions: Attente[] = [];
  private readonly pages: Attente[] = [];
  private readonly services: number[] = [];
  private refusees = 0;
  private admises = 0;
  private attenteMax = 0;

  constructor(
    readonly reglages: Reglages,
    private readonly outils: Outils = outilsReels,
  ) {}

  compteurs(): Compteurs {
    return {
      enCours: this.enCours,
      enAttente: this.actions.length + this.pages.length,
      refusees: this.refusees,
      admises: this.admises,
      attenteMaxMs: Math.round(this.attenteMax),
    };
  }

  /** Mean of the recent service times, ms. */
  serviceMoyenMs(): number {
    if (this.services.length === 0) return SERVICE_INITIAL_MS;
    return this.services.reduce((a, b) => a + b, 0) / this.services.length;
  }

  /** Seconds until the request at `position` in the queue is likely admitted: whole, at least 1. */
  estimation(position: number): number {
    const concurrence = Number.isFinite(this.reglages.concurrence) ? this.reglages.concurrence : 1;
    return Math.max(1, Math.ceil((this.serviceMoyenMs() * position) / concurrence / 1000));
  }

  /**
   * Asks for a place. `issue` resolves when the request may run (call `liberer` when it is over) or is refused;
   * `abandonner` (the client closed its connection) takes a waiting request out of the queue: it never runs.
   */
  demander({ action }: { action: boolean }): { issue: Promise<Admis | Refus>; abandonner: () => void } {
    const arrivee = this.outils.maintenant();
    if (this.enCours < this.reglages.concurrence && this.actions.length + this.pages.length === 0) {
      return { issue: Promise.resolve(this.admettre(arrivee)), abandonner: () => undefined };
    }
    const plein = action
      ? this.actions.length >= this.reglages.fileActions
      : this.actions.length + this.pages.length >= this.reglages.file;
    if (plein) {
      // the place it would have had: behind every action waiting, and for a page behind every page too
      const position = this.actions.length + (action ? 0 : this.pages.length) + 1;
      return { issue: Promise.resolve(this.refuser("file", position)), abandonner: () => undefined };
    }
    let attente!: Attente;
    const issue = new Promise<Admis | Refus>((resoudre) => {
      attente = { action, arrivee, resoudre, annulerDelai: () => undefined };
    });
    (action ? this.actions : this.pages).push(attente);
    attente.annulerDelai = this.outils.planifier(this.reglages.attenteMaxMs, () => {
      const position = this.position(attente);
      if (position === 0) return;
      this.retirer(attente);
      attente.resoudre(this.refuser("attente", position));
    });
    const abandonner = () => {
      const position = this.position(attente);
      if (position === 0) return;
      this.retirer(attente);
      attente.annulerDelai();
      attente.resoudre({ admis: false, raison: "abandon", position, estimation: this.estimation(position) });
    };
    return { issue, abandonner };
  }

  /** 1-based place in the queue (actions first), 0 when no longer in it. */
  private position(attente: Attente): number {
    const i = this.actions.indexOf(attente);
    if (i >= 0) return i + 1;
    const j = this.pages.indexOf(attente);
    return j >= 0 ? this.actions.length + j + 1 : 0;
  }

  private retirer(attente: Attente): void {
    const file = attente.action ? this.actions : this.pages;
    file.splice(file.indexOf(attente), 1);
  }

  private refuser(raison: "file" | "attente", position: number): Refus {
    this.refusees++;
    return { admis: false, raison, position, estimation: this.estimation(position) };
  }

  private admettre(arrivee: number): Admis {
    const debut = this.outils.maintenant();
    const attenteMs = debut - arrivee;
    this.enCours++;
    this.admises++;
    this.attenteMax = Math.max(this.attenteMax, attenteMs);
    let libre = false;
    return {
      admis: true,
      attenteMs,
      liberer: () => {
        if (libre) return;
        libre = true;
        this.enCours--;
        this.services.push(this.outils.maintenant() - debut);
        if (this.services.length > ECHANTILLONS) this.services.shift();
        this.suivant();
      },
    };
  }

  /** A place is free: the oldest action waiting, else the oldest page. */
  private suivant(): void {
    while (this.enCours < this.reglages.concurrence) {
      const attente = this.actions.shift() ?? this.pages.shift();
      if (!attente) return;
      attente.annulerDelai();
      attente.resoudre(this.admettre(attente.arrivee));
    }
  }
}
