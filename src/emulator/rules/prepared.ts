// What the prepare functions take and give back (all share one signature: body, view, options), and
// how they read a body decodeBody has produced (every field already has its Go type, so a typed view
// of it is safe).

export type DecodedBody = Record<string, unknown>;

export interface PrepareOptions {
  /** POST (true) or PUT (false): a few defaults and checks differ. */
  create: boolean;
}

/** A valid object with the server's defaults applied; the runtime adds timestamps and status. */
export interface Prepared<Spec> {
  id: string;
  spec: Spec;
}

export function readBody<Spec>(body: DecodedBody): { id: string; spec: Partial<Spec> } {
  return {
    id: typeof body.id === 'string' ? body.id : '',
    spec: structuredClone((body.spec ?? {}) as Partial<Spec>),
  };
}
