// Why a DAG file cannot be converted: one line, `file:line: what`, shown as it is (exit 1).

export class ConversionError extends Error {
  constructor(readonly line: string) {
    super(line);
    this.name = 'ConversionError';
  }
}
