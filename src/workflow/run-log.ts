// The terminal, shared by the jobs of a run. Jobs that run at once would interleave their lines, so
// each job writes to its own block: the oldest unfinished block is shown as it is written, the
// others are kept and shown whole, in the order the jobs started, when their turn comes. Every job's
// log thus reads top to bottom as on GitHub's job page, and one job is always seen live.

interface Block {
  text: string[];
  done: boolean;
}

export interface LogBlock {
  write(text: string): void;
  /** The job is over: the next block may show. */
  close(): void;
}

export class RunLog {
  /** Blocks not yet shown to the end, oldest first; the first one is live. */
  private readonly queue: Block[] = [];

  constructor(private readonly out: (text: string) => void) {}

  /** Text of the run's own (the header, a job skipped, the result), shown after what is already open. */
  write(text: string): void {
    const block = this.open();
    block.write(text);
    block.close();
  }

  open(): LogBlock {
    const block: Block = { text: [], done: false };
    this.queue.push(block);
    return {
      write: (text) => {
        if (this.queue[0] === block) this.out(text);
        else block.text.push(text);
      },
      close: () => {
        block.done = true;
        this.advance();
      },
    };
  }

  /** Shows the blocks whose turn has come: finished ones whole, then the next unfinished one so far. */
  private advance(): void {
    while (this.queue[0]?.done) {
      this.queue.shift();
      const next = this.queue[0];
      if (next) {
        for (const text of next.text.splice(0)) this.out(text);
      }
    }
  }
}
