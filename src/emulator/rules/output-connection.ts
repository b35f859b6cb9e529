// The output connection of trainings and packagings: the configured one when none is given, and it
// must exist.

import { notFound, specSectionError } from './refusals.js';
import type { ClusterView } from '../cluster.js';

export interface OutputConnection {
  id: string;
  error?: string;
}

export function resolveOutputConnection(
  given: string | undefined,
  configured: string,
  view: ClusterView,
): OutputConnection {
  const id = given || configured;
  if (id === '') return { id, error: specSectionError('OutputConnection', ['empty "OutputConnection"']) };
  if (view.connection(id) === undefined) {
    return { id, error: specSectionError('OutputConnection', [notFound(id)]) };
  }
  return { id };
}
