// The PayFiP stand-in's SOAP service `POST /tpa/services/securite` (tests/stand-ins/payfip.ts), served by the `soap`
// package from the same committed WSDL as the adapter's: creerPaiementSecurise, recupererDetailPaiementSecurise and
// recupererDetailClient, with the real element names; its functional and technical faults as the service answers
// them (HTTP 500, `S:Fault`).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { listen } from "soap";
import { CHEMIN_SERVICE, CHEMIN_WSDL, NAMESPACE_PAYFIP } from "../../lib/payfip/wsdl";
import type { EtatPayfip } from "./payfip-operations";

const FAUTE_FONCTIONNELLE = "fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur";
const FAUTES_TECHNIQUES = {
  TechProtocolaireErreur: "fr.gouv.finances.cp.tpa.webservice.exceptions.TechProtocolaireErreur",
  TechIndisponibiliteErreur: "fr.gouv.finances.cp.tpa.webservice.exceptions.TechIndisponibiliteErreur",
} as const;

const LIBELLES = {
  R3: "Le format du paramètre REFDET n'est pas conforme",
  A2: "Adresse mel incorrecte",
  P1: "IdOp incorrect",
  P5: "Résultat de la transaction non connu",
} as const;

/** A SOAP fault as the service answers it (the `soap` server sends it with HTTP 500). */
function faute(type: string, faultstring: string, code: string, libelle: string, severite = 2) {
  return {
    Fault: {
      faultcode: "S:Server",
      faultstring,
      detail: {
        [`ns2:${type}`]: {
          attributes: { "xmlns:ns2": NAMESPACE_PAYFIP },
          code,
          descriptif: libelle,
          libelle,
          message: libelle,
          severite,
        },
      },
      statusCode: 500,
    },
  };
}

const fonctionnelle = (code: keyof typeof LIBELLES) =>
  faute("FonctionnelleErreur", FAUTE_FONCTIONNELLE, code, LIBELLES[code]);
const protocolaire = (libelle: string) =>
  faute("TechProtocolaireErreur", FAUTES_TECHNIQUES.TechProtocolaireErreur, "", libelle, 1);

/**
 * Serves the SOAP service on `server`, before its own request handler (soap's listen keeps the other listeners
 * for the rest), for the numclis given.
 */
export function servirSoap(server: Server, etat: EtatPayfip, numclis: Set<string>): void {
  const { reglages, operations, maintenant, trouver } = etat;
  const verifierPanne = () => {
    if (reglages.panne === "indisponible") {
      throw faute(
        "TechIndisponibiliteErreur",
        FAUTES_TECHNIQUES.TechIndisponibiliteErreur,
        "",
        "Service momentanément indisponible",
        1,
      );
    }
  };

  const service = {
    PaiementSecuriseService: {
      PaiementSecuriseServicePort: {
        creerPaiementSecurise(args: { arg0?: Record<string, string | undefined> }) {
          verifierPanne();
          const a = args.arg0 ?? {};
          if (!a.numcli || !numclis.has(a.numcli)) throw protocolaire("numcli inconnu");
          if (!/^\d{4}$/.test(a.exer ?? "")) throw protocolaire("exer incorrect");
          if (!/^\d+$/.test(a.montant ?? "") || Number(a.montant) < 100) throw protocolaire("montant incorrect");
          if (!/^[TXW]$/.test(a.saisie ?? "")) throw protocolaire("saisie incorrecte");
          if (!/^[A-Za-z0-9 ]{1,100}$/.test(a.objet ?? "")) throw protocolaire("objet incorrect");
          if (!/^[A-Za-z0-9]{6,30}$/.test(a.refdet ?? "")) throw fonctionnelle("R3");
          const mel = a.mel ?? "";
          if (mel.length < 6 || mel.length > 80 || !/^[^@\s]+@[^@\s]+$/.test(mel)) throw fonctionnelle("A2");
          if (!URL.canParse(a.urlnotif ?? "") || !URL.canParse(a.urlredirect ?? "")) {
            throw protocolaire("url incorrecte");
          }
          const idOp = randomUUID();
          operations.set(idOp, {
            idOp,
            exer: a.exer!,
            mel,
            montant: a.montant!,
            numcli: a.numcli,
            objet: a.objet!,
            refdet: a.refdet!,
            saisie: a.saisie!,
            urlnotif: a.urlnotif!,
            urlredirect: a.urlredirect!,
            creeeA: maintenant(),
          });
          return { return: { idOp } };
        },
        recupererDetailPaiementSecurise(args: { arg0?: { idOp?: string } }) {
          verifierPanne();
          const operation = trouver(args.arg0?.idOp);
          if (!operation) throw fonctionnelle("P1");
          if (!operation.resultrans) throw fonctionnelle("P5");
          return {
            return: {
              dattrans: operation.dattrans,
              exer: operation.exer,
              heurtrans: operation.heurtrans,
              idOp: operation.idOp,
              mel: operation.mel,
              montant: operation.montant,
              numauto: operation.numauto ?? "",
              numcli: operation.numcli,
              objet: operation.objet,
              refdet: operation.refdet,
              resultrans: operation.resultrans,
              saisie: operation.saisie,
            },
          };
        },
        recupererDetailClient(args: { arg0?: { numCli?: string } }) {
          verifierPanne();
          if (!args.arg0?.numCli || !numclis.has(args.arg0.numCli)) throw protocolaire("numCli inconnu");
          return {
            return: {
              libelleN1: "COMMUNE DE VILLEFRANQUE",
              libelleN2: "REGIE ENFANCE",
              libelleN3: "",
              numcli: args.arg0.numCli,
            },
          };
        },
      },
    },
  };

  const wsdl = readFileSync(CHEMIN_WSDL, "utf8");
  listen(server, { path: CHEMIN_SERVICE, services: service, xml: wsdl, envelopeKey: "S" });
}
