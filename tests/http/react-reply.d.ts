// React's encoding of a server action's arguments, as Next's client sends them (Next ships it without types).
declare module "next/dist/compiled/react-server-dom-turbopack/client.node.js" {
  export function encodeReply(value: unknown): Promise<string | FormData>;
}
