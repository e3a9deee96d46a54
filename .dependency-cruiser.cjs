// The layers of the code, kept by `npm run lint:couches` (dependency-cruiser). From the bottom up:
//
//   kernel      lib/ outside the layers below (temps, errors, db, mail, log, config, auth's primitives, storage…)
//               and emails/ (the mails' templates): knows no rule of the commune's services
//   engine      lib/domain/demande/: the demandes' life (deposit, instruction, decision, messages); it knows a
//               démarche only by the shape lib/domain/demande/demarche.ts declares and receives the definitions
//               from its callers
//   aggregates  lib/domain/<aggregate>/ (famille, inscription, reservation…): each may use the kernel and the
//               engine, and another aggregate only through the modules that aggregate declares public (PUBLICS)
//   registry    lib/domain/demarches.ts (every démarche's definition), lib/domain/demonstration/ (replays the
//               seed through every aggregate), lib/jobs/ (the job runner and its tasks: they may call any
//               aggregate's handler; only lib/jobs/file.ts and noms.ts, which put a job on the queue inside a
//               command's transaction, are kernel), lib/web/, lib/auth/oidc.ts and lib/rotation-cle.ts (which
//               reach into several aggregates), lib/apercu.ts (the preview's demo accounts, the seed's)
//   app         app/, components/, scripts/, prisma/ (seed), proxy.ts, instrumentation.ts: may import anything
//
// A file's tests (*.test.ts beside it, tests/, e2e/) may reach any layer to show a behaviour: the layer rules
// read the product's code only. Cycles are refused everywhere, tests included.

/**
 * What each aggregate lets the others use. Keep it short: a module listed here is a promise to other
 * aggregates; anything else in the folder may change without looking outside it.
 */
const PUBLICS = {
  agent: ["actif", "administrer"],
  // the paramétrage's journal line, shared with the booking rules' command (reservation/modifier-regles.ts)
  calendrier: ["delais", "generation", "journaliser", "motifs-non-assure", "periode", "zone"],
  commune: ["queries"],
  // (what the money aggregates share is kernel: lib/argent/ (cents, gap-free séries, the IBAN rule), lib/pdf/,
  // lib/inserer.ts, lib/temps/periode.ts; so facturation → prelevement → paiement holds no knot)
  // demandeur: a démarche about a family is decided only while its author is one of its representants
  famille: ["demandeur", "schemas"],
  // booking windows: what governs a save's days (the parent's saves, reservation/trier.ts and enregistrer.ts), and
  // where a freed place goes (offered on a window's day, booked at once elsewhere: reservation/ecrire.ts,
  // modifier-regles.ts)
  fenetre: ["offres", "regles-fenetre"],
  // the family account: an emission, an avoir or a cancellation applies the family's credit (appliquerCredits);
  // soldes (the invoices' lock) and recu (emettreRecu): a debit run pays invoices and each payment gets its reçu
  // etat: an invoice's state derives from what paid it; modes: the payment modes' names
  paiement: ["compte", "etat", "modes", "recu", "soldes"],
  inscription: ["attente", "foyer", "regles", "reprise"],
  pointage: ["fiches"],
  // the mandates' transition table and its gate (a run suspends); prevoir: the emission (facturation/lot.ts)
  // plans the chunk's debits
  prelevement: ["mandat", "prevoir", "transitions"],
  // the reservation's life: its transition table and the gate every write of Reservation.statut goes through;
  // estimation (the Bareme the billing prices, facturation/baremes.ts) and unites-souscrites (the units a family
  // may book, so the ones it is priced for)
  reservation: ["estimation", "franchir", "transitions", "unites-souscrites"],
  sante: ["acces-agent", "coffre", "schemas"],
  "service-non-assure": ["motifs"],
  // the agents' lists mark the children who leave by bus (pointage/liste.ts); texte: the mark's words
  transport: ["queries", "texte"],
  usager: ["modifier", "schemas"],
};

const publicsRegex = `^lib/domain/(${Object.entries(PUBLICS)
  .filter(([, modules]) => modules.length > 0)
  .map(([agregat, modules]) => `${agregat}/(${modules.join("|")})`)
  .join("|")})\\.tsx?$`;

const TESTS = "(\\.test\\.tsx?$|^tests/|^e2e/)";
const ENGINE = "^lib/domain/demande/";
// lib/ files outside lib/domain/ that sit above the aggregates (see the registry layer above)
const HAUT_HORS_DOMAINE = "^lib/(jobs/(?!(file|noms)\\.ts$)|web/|apercu\\.ts$|auth/oidc\\.ts$|rotation-cle\\.ts$)";
const LIB_HAUT = ["^lib/domain/", HAUT_HORS_DOMAINE];
const APP = "^(app|components|scripts|prisma|types)/|^(proxy|instrumentation|next\\.config)\\.ts$";
const AGREGATS = "^lib/domain/(?!demande/|demonstration/)[^/]+/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "pas-de-cycle",
      severity: "error",
      comment:
        "An import cycle: two modules that need each other cannot be read, tested or loaded one without the " +
        "other. Move what both need below them. (Type-only imports do not count: they vanish at run time.)",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "noyau-vers-le-haut",
      severity: "error",
      comment:
        "The kernel (lib/ outside domain/, the job runner, web/; emails/) imports nothing above it: no engine, no " +
        "aggregate, no registry, no page. Pass what it needs as a parameter, or move the rule up.",
      from: { path: "^(lib|emails)/", pathNot: [...LIB_HAUT, TESTS, "^lib/generated/"] },
      to: { path: [...LIB_HAUT, APP] },
    },
    {
      name: "moteur-sans-agregat",
      severity: "error",
      comment:
        "The engine (lib/domain/demande/) imports no aggregate and not the registry: what differs per démarche " +
        "is in its definition (lib/domain/demande/demarche.ts), which callers hand to the engine; what every " +
        "aggregate shares belongs in the kernel.",
      from: { path: ENGINE, pathNot: TESTS },
      to: { path: [...LIB_HAUT, APP], pathNot: ENGINE },
    },
    {
      name: "agregat-vers-le-haut",
      severity: "error",
      comment:
        "An aggregate imports neither the registry (lib/domain/demarches.ts: it deposits its own démarche with " +
        "its own definition), nor the job runner, nor the web layer, nor a page or component.",
      from: { path: AGREGATS, pathNot: TESTS },
      to: {
        path: ["^lib/domain/demarches\\.ts$", "^lib/domain/demonstration/", HAUT_HORS_DOMAINE, APP],
      },
    },
    {
      name: "agregat-par-son-public",
      severity: "error",
      comment:
        "An aggregate uses another only through the modules that one declares public (PUBLICS in " +
        ".dependency-cruiser.cjs). Import a public module, or, if the need is real, make the module public there " +
        "(a promise to every aggregate), or move the shared piece to the kernel.",
      from: { path: "^lib/domain/(?!demande/|demonstration/)([^/]+)/", pathNot: TESTS },
      to: { path: AGREGATS, pathNot: ["^lib/domain/$1/", publicsRegex] },
    },
    {
      name: "registre-sans-app",
      severity: "error",
      comment:
        "The registry, the demo's reset and the job runner sit below the pages: they import no app/ page, no " +
        "component and no script.",
      from: { path: ["^lib/(domain/demarches\\.ts$|domain/demonstration/)", HAUT_HORS_DOMAINE], pathNot: TESTS },
      to: { path: "^(app|components|scripts)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // lib/couches.test.ts writes deliberately wrong files (__couche_essai_*) for a moment while the lint may run
    // beside it: the lint leaves them out, the test (COUCHES_ESSAI=1) reads them
    exclude: {
      path: process.env.COUCHES_ESSAI
        ? "^(node_modules|lib/generated|\\.next|data)"
        : "^(node_modules|lib/generated|\\.next|data)|__couche_essai_",
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    skipAnalysisNotInRules: true,
  },
};
