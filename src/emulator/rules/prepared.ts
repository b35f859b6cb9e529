// What every prepare function takes and gives back, and how it reads a body decodeBody has produced
// (every field already has its Go type, so a typed view of it is safe).

import type { ClusterView } from '../cluster.js';

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

/** The one signature of all prepare functions, so that the runtime can keep them in a table. */
export type PrepareRule<Spec> = (
  body: DecodedBody,
  view: ClusterView,
  options: PrepareOptions,
) => Prepared<Spec>;

export function readBody<Spec>(body: DecodedBody): { id: string; spec: Partial<Spec> } {
  return {
    id: typeof body.id === 'string' ? body.id : '',
    spec: structuredClone((body.spec ?? {}) as Partial<Spec>),
  };
}
