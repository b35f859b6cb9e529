// The server's rules for ids and for values that become Kubernetes labels. The id pattern is the
// client's too (src/shared/odahu/kinds.ts), checked against REFERENCE.md by a test.

import { ID_PATTERN } from '../../shared/odahu/kinds.js';

const LABEL_SOURCE = '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$';
const LABEL_PATTERN = new RegExp(LABEL_SOURCE);

/** validation.ValidateID: 1-63 of a-z 0-9 -, a letter first, no dash last. */
export function idErrors(id: string): string[] {
  if (ID_PATTERN.test(id)) return [];
  return id === '' ? ['ID is not valid', 'empty "ID"'] : ['ID is not valid'];
}

/** validation.ValidateK8sLabel; the empty string is a valid label. */
export function labelError(value: string): string | undefined {
  if (LABEL_PATTERN.test(value)) return undefined;
  return `${value} must be valid Kubernetes label, i.e. match this pattern: ${LABEL_SOURCE}`;
}
