// What a node asks PostgreSQL, counted on the wire: a TCP relay in the bench's process between one node and the
// database server, reading both directions of PostgreSQL's protocol (version 3) as they pass, unchanged. It
// counts the statements the node sends (each simple Query, each Execute of the extended protocol: BEGIN and
// COMMIT included), the transactions (each return to idle, ReadyForQuery 'I', after at least one statement),
// the bytes PostgreSQL answers, and the wall time during which at least one of the node's statements was waiting
// for its answer (from the Query or Sync sent to its ReadyForQuery: the time the node waited on the database, the
// round trip over 127.0.0.1 included). The server needs no extension (pg_stat_statements is not loaded on a
// shared server), and it works for the embedded PGlite's socket too.
import net from "node:net";

export type Compte = { ordres: number; transactions: number; octetsRecus: number; attenteMs: number };

const SSL_REQUEST = 80_877_103;
const GSSENC_REQUEST = 80_877_104;

/** Splits a stream into the protocol's messages: typed (1 byte, int32 length) or, at startup, untyped. */
class Lecteur {
  private tampon: Buffer = Buffer.alloc(0);
  constructor(
    private typee: boolean,
    private readonly surMessage: (type: string, corps: Buffer) => void,
  ) {}
  /** the next message is untyped (after an SSLRequest the client sends its startup message again) */
  demarrage(): void {
    this.typee = false;
  }
  /** one byte alone (the server's answer to an SSLRequest) comes before the next message */
  private octetSeul = false;
  attendreOctetSeul(): void {
    this.octetSeul = true;
  }
  pousser(morceau: Buffer): void {
    this.tampon = this.tampon.length ? Buffer.concat([this.tampon, morceau]) : morceau;
    for (;;) {
      if (this.octetSeul) {
        if (this.tampon.length < 1) return;
        this.tampon = this.tampon.subarray(1);
        this.octetSeul = false;
        continue;
      }
      const entete = this.typee ? 5 : 4;
      if (this.tampon.length < entete) return;
      const longueur = this.tampon.readInt32BE(this.typee ? 1 : 0);
      const total = (this.typee ? 1 : 0) + longueur;
      if (this.tampon.length < total) return;
      const type = this.typee ? String.fromCharCode(this.tampon[0]!) : "";
      const corps = this.tampon.subarray(entete, total);
      this.tampon = this.tampon.subarray(total);
      if (!this.typee) {
        const code = corps.length >= 4 ? corps.readInt32BE(0) : 0;
        // after SSLRequest/GSSENCRequest the startup message comes again, untyped; after it, typed messages
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) this.typee = true;
      }
      this.surMessage(type, corps);
    }
  }
}

/**
 * A relay to the server of `databaseUrl` on 127.0.0.1, on a free port; `url` is the same database through it.
 * `lire()` gives the counts since the last `remettre()`.
 */
export async function demarrerCompteur(databaseUrl: string) {
  const cible = new URL(databaseUrl);
  const compte: Compte = { ordres: 0, transactions: 0, octetsRecus: 0, attenteMs: 0 };
  let actives = 0;
  let depuis = 0;
  const occupe = (delta: 1 | -1) => {
    if (delta === 1 && actives++ === 0) depuis = performance.now();
    if (delta === -1 && --actives === 0) compte.attenteMs += performance.now() - depuis;
  };
  const sockets = new Set<net.Socket>();
  const serveur = net.createServer((client) => {
    const base = net.connect(Number(cible.port || 5432), cible.hostname);
    sockets.add(client).add(base);
    // per connection: answers awaited (a Query or a Sync each), and whether a statement ran since idle
    let attendues = 0;
    let ordreDepuisRepos = false;
    const duServeur = new Lecteur(true, (type, corps) => {
      if (type !== "Z") return;
      if (attendues > 0 && --attendues === 0) occupe(-1);
      if (corps[0] === 0x49 /* 'I' */ && ordreDepuisRepos) {
        compte.transactions++;
        ordreDepuisRepos = false;
      }
    });
    const duClient = new Lecteur(false, (type, corps) => {
      if (type === "" && corps.length >= 4 && corps.readInt32BE(0) === SSL_REQUEST) duServeur.attendreOctetSeul();
      if (type === "Q" || type === "E") {
        compte.ordres++;
        ordreDepuisRepos = true;
      }
      if (type === "Q" || type === "S") if (attendues++ === 0) occupe(1);
    });
    client.on("data", (morceau: Buffer) => {
      duClient.pousser(morceau);
      base.write(morceau);
    });
    base.on("data", (morceau: Buffer) => {
      compte.octetsRecus += morceau.length;
      duServeur.pousser(morceau);
      client.write(morceau);
    });
    const fermer = () => {
      if (attendues > 0) occupe(-1);
      attendues = 0;
      client.destroy();
      base.destroy();
      sockets.delete(client);
      sockets.delete(base);
    };
    client.on("close", fermer).on("error", fermer);
    base.on("close", fermer).on("error", fermer);
  });
  await new Promise<void>((resolve) => serveur.listen(0, "127.0.0.1", resolve));
  const { port } = serveur.address() as net.AddressInfo;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    lire: (): Compte => ({ ...compte }),
    remettre(): void {
      Object.assign(compte, { ordres: 0, transactions: 0, octetsRecus: 0, attenteMs: 0 });
    },
    async arreter(): Promise<void> {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => serveur.close(() => resolve()));
    },
  };
}
