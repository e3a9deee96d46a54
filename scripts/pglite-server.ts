// PGlite is one PostgreSQL session; pglite-socket multiplexes many TCP connections onto it, but its queue
// only keeps a connection exclusive while a transaction is open. Outside one, the Parse/Bind/Execute/Sync
// messages of two connections interleave, and one connection's Bind meets the other's unnamed statement
// ("bind message supplies 3 parameters, but prepared statement "" requires 2", seen under e2e load).
// This queue keeps the session for one connection from its first message until its Sync or simple Query
// has been answered, and for the whole of a transaction, as a real server would.
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

type Item = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

const SYNC = "S".charCodeAt(0);
const QUERY = "Q".charCodeAt(0);
const TERMINATE = "X".charCodeAt(0);

class ProtocolQueue {
  private queue: Item[] = [];
  private processing = false;
  /** The connection the session belongs to until its current exchange (or transaction) ends. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index = this.owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === this.owner);
        if (index === -1) break; // wait for the owner's next message
        const [item] = this.queue.splice(index, 1);
        if (!item) break;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = null;
          item.reject(error);
          continue;
        }
        const type = item.message[0];
        if (type === SYNC || type === QUERY) this.owner = this.db.isInTransaction() ? item.handlerId : null;
        else if (type === TERMINATE) this.owner = null;
        // A startup message has no type byte (its first byte belongs to its length, 0): it claims nothing.
        else if (type !== 0) this.owner = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A connection that drops mid-exchange or mid-transaction gives the session back (rolled back). */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.process();
  }
}

export function createPgliteServer(
  db: PGlite,
  options: { host: string; port: number; maxConnections: number },
): PGLiteSocketServer {
  const server = new PGLiteSocketServer({ db, ...options });
  // The server hands this object to each connection's handler; it only calls the methods above.
  (server as unknown as { queryQueue: ProtocolQueue }).queryQueue = new ProtocolQueue(db);
  return server;
}
