// @types/node 20 does not declare the WebAssembly global (Node has it); this is the one call
// the schema-engine loader makes.
declare namespace WebAssembly {
  interface Instance {
    readonly exports: Record<string, unknown>;
  }
  function instantiate(bytes: Uint8Array, imports: Record<string, Record<string, unknown>>): Promise<{ instance: Instance }>;
}
