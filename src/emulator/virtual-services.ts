// What the edge routes by: the Istio VirtualService the route controller made for each ModelRoute,
// not the route's row. It matches `<urlPrefix>/` and splits requests among its destinations by
// weight. The controller writes it only on a pass where every target it finds is Ready, so a route
// changed to a deployment that is not Ready yet keeps sending traffic as before until it is.

import type { Dice } from './dice.js';

export interface Destination {
  deploymentId: string;
  weight: number;
}

export interface VirtualService {
  urlPrefix: string;
  destinations: Destination[];
}

export class VirtualServices {
  private readonly byRoute = new Map<string, VirtualService>();

  set(routeId: string, service: VirtualService): void {
    this.byRoute.set(routeId, service);
  }

  /** The route was deleted: its VirtualService goes with it (the route owns it). */
  drop(routeId: string): void {
    this.byRoute.delete(routeId);
  }

  /**
   * The service whose match prefix is the longest one the path starts with. Istio matches
   * `<urlPrefix>/`: the bare prefix itself matches none.
   */
  match(path: string): VirtualService | undefined {
    let best: VirtualService | undefined;
    for (const service of this.byRoute.values()) {
      if (!path.startsWith(matchPrefix(service))) continue;
      if (!best || service.urlPrefix.length > best.urlPrefix.length) best = service;
    }
    return best;
  }
}

/** What a VirtualService matches (it rewrites this prefix to `/` on the model server). */
export function matchPrefix(service: VirtualService): string {
  return `${service.urlPrefix}/`;
}

/** A destination drawn by weight, as Envoy's weighted clusters draw one per request. */
export function pickDestination(service: VirtualService, dice: Dice): string | undefined {
  const total = service.destinations.reduce((sum, d) => sum + d.weight, 0);
  if (total <= 0) return service.destinations[0]?.deploymentId;
  let roll = dice() * total;
  for (const destination of service.destinations) {
    roll -= destination.weight;
    if (roll < 0) return destination.deploymentId;
  }
  return service.destinations.findLast((d) => d.weight > 0)?.deploymentId;
}
