import net from "node:net";

/** Whether nothing listens on the port yet (host omitted: every interface, as `next start` binds). */
export async function isPortFree(port: number, host?: string): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      error.code === "EADDRINUSE" || error.code === "EACCES" ? resolve(false) : reject(error),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
