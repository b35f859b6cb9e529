// The deployment and route event feeds (GET /model/deployment-events, /model/route-events). As in the
// server's outbox table: one sequence shared by both feeds, and only the newest event of each entity
// is kept, so a reader that falls behind sees the latest state, not the whole history.

import { ZERO_TIME } from './clock.js';

export type Feed = 'deployment' | 'route';

export interface FeedEvent {
  entityID: string;
  payload: unknown;
  type: string;
  datetime: string;
}

interface Entry {
  sequence: number;
  feed: Feed;
  event: FeedEvent;
}

/** Deleted/DeletionMarkIsSet events carry a zero-valued entity, as Go marshals an empty struct. */
export const ZERO_PAYLOAD: Readonly<Record<Feed, unknown>> = {
  deployment: {
    id: '',
    createdAt: ZERO_TIME,
    updatedAt: ZERO_TIME,
    spec: { image: '', predictor: '' },
    status: { availableReplicas: 0, replicas: 0 },
  },
  route: {
    id: '',
    createdAt: ZERO_TIME,
    updatedAt: ZERO_TIME,
    spec: { urlPrefix: '', modelDeployments: null },
    status: { edgeUrl: '', state: '' },
  },
};

export class Outbox {
  private sequence = 0;
  /** Keyed by feed and entity; Map keeps insertion order and a re-insert moves the entry last. */
  private readonly newest = new Map<string, Entry>();

  add(feed: Feed, entityID: string, type: string, payload: unknown, datetime: string): void {
    const key = `${feed}/${entityID}`;
    this.newest.delete(key);
    this.sequence += 1;
    this.newest.set(key, { sequence: this.sequence, feed, event: { entityID, payload, type, datetime } });
  }

  /** Events after `cursor`, oldest first; nothing new gives `{events: null, cursor: 0}` (sic). */
  since(feed: Feed, cursor: number): { events: FeedEvent[] | null; cursor: number } {
    const entries = [...this.newest.values()].filter((e) => e.feed === feed && e.sequence > cursor);
    const last = entries.at(-1);
    if (!last) return { events: null, cursor: 0 };
    return { events: entries.map((e) => e.event), cursor: last.sequence };
  }
}
