// One HTTP request and its answer. Every answer goes through here, so that each one is recorded for
// the onAnswer hook and a "drop" fault can cut it half-way, after the request had all its effects.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedAnswer } from './options.js';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const TEXT_TYPE = 'text/plain; charset=utf-8';

/** Go's encoding/json escapes these for HTML safety; gin answers with json.Marshal output. */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Limits what a client may send: bodies are manifests, never files. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface LineStream {
  write(text: string): void;
  end(): void;
  /** Called once if the client goes away before end(). */
  onClose(listener: () => void): void;
}

export class Exchange {
  readonly method: string;
  /** Decoded path without the query. */
  readonly path: string;
  /** The request target as the client sent it (path and query, undecoded), as Envoy hands it to OPA. */
  readonly target: string;
  readonly query: URLSearchParams;
  /** The route template that answers, once the router found one. */
  route: string | undefined;
  /** Set by the drop fault: the answer is cut after its headers and part of its body. */
  cut = false;
  private answered = false;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    url: URL,
    private readonly record: (answer: RecordedAnswer) => void,
  ) {
    this.method = req.method ?? 'GET';
    this.path = safeDecode(url.pathname);
    this.target = req.url ?? '/';
    this.query = url.searchParams;
  }

  header(name: string): string | undefined {
    const value = this.req.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }

  async body(): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) throw new Error('request body too large');
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  get isAnswered(): boolean {
    return this.answered;
  }

  json(status: number, value: unknown, headers: Record<string, string> = {}): void {
    this.send(status, JSON_TYPE, goJson(value), headers);
  }

  text(status: number, text: string, headers: Record<string, string> = {}): void {
    this.send(status, TEXT_TYPE, text, headers);
  }

  /** An answer with a body of any type, or none (`contentType` empty). */
  send(status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
    this.answered = true;
    const bytes = Buffer.from(body, 'utf8');
    const head: Record<string, string | number> = { ...headers, 'content-length': bytes.length };
    if (contentType) head['content-type'] = contentType;
    this.res.writeHead(status, head);
    this.emitRecord(status, contentType, body);
    if (this.cut) {
      // Destroy only once the first half has left, so the client does see a truncated answer.
      this.res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => this.res.socket?.destroy());
      return;
    }
    this.res.end(bytes);
  }

  /** A chunked text answer written as it is produced (pod logs); each write is flushed at once. */
  stream(status: number, contentType: string): LineStream {
    this.answered = true;
    this.res.writeHead(status, { 'content-type': contentType });
    this.res.flushHeaders();
    let body = '';
    let ended = false;
    const closeListeners: (() => void)[] = [];
    this.res.on('close', () => {
      if (ended) return;
      ended = true;
      this.emitRecord(status, contentType, body);
      for (const listener of closeListeners) listener();
    });
    return {
      write: (text) => {
        if (ended || text === '') return;
        body += text;
        if (this.cut) this.res.write(text, () => this.res.socket?.destroy());
        else this.res.write(text);
      },
      end: () => {
        if (ended) return;
        ended = true;
        this.emitRecord(status, contentType, body);
        this.res.end();
      },
      onClose: (listener) => closeListeners.push(listener),
    };
  }

  private emitRecord(status: number, contentType: string, body: string): void {
    this.record({ method: this.method, path: this.path, route: this.route, status, contentType, body });
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
