// Whether a deployment's image can be pulled, and which model it holds. The emulator sees only the
// registries it owns: those the cluster has a docker or ecr connection for, where its packagings push.
// An image there pulls only if a packaging pushed it (and holds that packaging's model). Any other
// image (built elsewhere, on a registry the emulator cannot see) pulls, so a workflow that deploys it
// dry-runs green; `--missing-image PATTERN` makes chosen images fail to pull, to rehearse that.

import type { Artifacts, ModelIdentity } from './artifacts.js';
import type { Store } from './store.js';

const REGISTRY_TYPES = new Set(['docker', 'ecr']);

export class ImagePulls {
  private readonly missing: RegExp[];

  constructor(
    private readonly store: Store,
    private readonly artifacts: Artifacts,
    /** Images that never pull: `*` stands for any run of characters, the rest is literal. */
    missingImages: readonly string[] = [],
  ) {
    this.missing = missingImages.map(globPattern);
  }

  /** The model the image holds, or undefined when the pull fails (the deployment stays Processing). */
  pull(image: string): ModelIdentity | undefined {
    if (this.missing.some((pattern) => pattern.test(image))) return undefined;
    const pushed = this.artifacts.image(image);
    if (pushed) return pushed;
    return this.ownedRegistry(image) ? undefined : modelOfImage(image);
  }

  /** Whether the image is under a registry a docker or ecr connection of the cluster points at. */
  private ownedRegistry(image: string): boolean {
    return this.store.connections.list().some((connection) => {
      const uri = connection.spec.uri?.replace(/\/+$/, '');
      return REGISTRY_TYPES.has(connection.spec.type ?? '') && !!uri && image.startsWith(`${uri}/`);
    });
  }
}

/** `*` matches any run of characters; the pattern must match the whole image reference. */
export function globPattern(pattern: string): RegExp {
  const literal = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&'));
  return new RegExp(`^${literal.join('.*')}$`);
}

/**
 * What the model server of an image built elsewhere reports: its repository's last path segment as
 * the name and its tag as the version (`ghcr.io/acme/wine:1.2` → wine 1.2; no tag → latest).
 */
export function modelOfImage(image: string): ModelIdentity {
  const withoutDigest = image.split('@')[0] ?? image;
  const lastSegment = withoutDigest.split('/').at(-1) ?? withoutDigest;
  const colon = lastSegment.indexOf(':');
  return colon < 0
    ? { name: lastSegment, version: 'latest' }
    : { name: lastSegment.slice(0, colon), version: lastSegment.slice(colon + 1) };
}
