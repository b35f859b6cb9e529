// The metrics of a model on labelled rows, accumulated row by row in constant memory (a dataset is
// never held whole): sums for regression, a confusion table for classification; and the agreement of
// two models on the same rows. Classification metrics are macro averages over the classes seen in the
// labels or the answers, a class never predicted counting 0 precision (as scikit-learn does).

export type Task = 'regression' | 'classification';

export type ModelMetric =
  'rmse' | 'mae' | 'mse' | 'r2' | 'max-error' | 'accuracy' | 'f1' | 'precision' | 'recall';

export interface MetricInfo {
  task: Task;
  /** Higher is better (accuracy, r2); else lower is (rmse). */
  higherIsBetter: boolean;
  /** In words, for action.yml and the README. */
  what: string;
}

export const METRICS: Record<ModelMetric, MetricInfo> = {
  rmse: { task: 'regression', higherIsBetter: false, what: 'root mean squared error' },
  mae: { task: 'regression', higherIsBetter: false, what: 'mean absolute error' },
  mse: { task: 'regression', higherIsBetter: false, what: 'mean squared error' },
  r2: { task: 'regression', higherIsBetter: true, what: 'coefficient of determination' },
  'max-error': { task: 'regression', higherIsBetter: false, what: 'largest absolute error' },
  accuracy: { task: 'classification', higherIsBetter: true, what: 'share of rows answered their label' },
  f1: { task: 'classification', higherIsBetter: true, what: 'F1 score, macro average over the classes' },
  precision: { task: 'classification', higherIsBetter: true, what: 'precision, macro average' },
  recall: { task: 'classification', higherIsBetter: true, what: 'recall, macro average' },
};

export const MODEL_METRICS = Object.keys(METRICS) as ModelMetric[];

export const DEFAULT_METRICS: Record<Task, ModelMetric[]> = {
  regression: ['rmse', 'mae', 'r2'],
  classification: ['accuracy', 'f1', 'precision', 'recall'],
};

export function metricsOf(task: Task): ModelMetric[] {
  return MODEL_METRICS.filter((name) => METRICS[name].task === task);
}

/** Distinct classes a confusion table keeps; more fall in one bucket (a model answering garbage). */
export const MAX_CLASSES = 1000;
export const OTHER_CLASSES = '(other classes)';

export interface Score {
  readonly rows: number;
  add(label: number | string, answer: number | string): void;
  /** The metric, or undefined where it has no value (no rows; r2 of constant labels). */
  value(metric: ModelMetric): number | undefined;
}

export class RegressionScore implements Score {
  rows = 0;
  private squares = 0;
  private absolutes = 0;
  private largest = 0;
  // Welford's running mean and sum of squared deviations of the labels, for r2.
  private labelMean = 0;
  private labelSquares = 0;

  add(label: number | string, answer: number | string): void {
    const y = label as number;
    const error = (answer as number) - y;
    this.rows += 1;
    this.squares += error * error;
    this.absolutes += Math.abs(error);
    this.largest = Math.max(this.largest, Math.abs(error));
    const delta = y - this.labelMean;
    this.labelMean += delta / this.rows;
    this.labelSquares += delta * (y - this.labelMean);
  }

  value(metric: ModelMetric): number | undefined {
    if (this.rows === 0) return undefined;
    switch (metric) {
      case 'mse':
        return this.squares / this.rows;
      case 'rmse':
        return Math.sqrt(this.squares / this.rows);
      case 'mae':
        return this.absolutes / this.rows;
      case 'max-error':
        return this.largest;
      case 'r2':
        return this.labelSquares > 0 ? 1 - this.squares / this.labelSquares : undefined;
      default:
        return undefined;
    }
  }
}

export class ClassificationScore implements Score {
  rows = 0;
  private correct = 0;
  /** label → answer → rows. */
  private readonly confusion = new Map<string, Map<string, number>>();
  private readonly classes = new Set<string>();

  add(label: number | string, answer: number | string): void {
    const actual = this.keep(String(label));
    const predicted = this.keep(String(answer));
    this.rows += 1;
    if (actual === predicted && actual !== OTHER_CLASSES) this.correct += 1;
    let row = this.confusion.get(actual);
    if (!row) this.confusion.set(actual, (row = new Map<string, number>()));
    row.set(predicted, (row.get(predicted) ?? 0) + 1);
  }

  private keep(key: string): string {
    if (this.classes.has(key)) return key;
    if (this.classes.size >= MAX_CLASSES) return OTHER_CLASSES;
    this.classes.add(key);
    return key;
  }

  value(metric: ModelMetric): number | undefined {
    if (this.rows === 0) return undefined;
    if (metric === 'accuracy') return this.correct / this.rows;
    const perClass = [...this.classes].map((name) => this.classScores(name));
    if (perClass.length === 0) return undefined;
    const mean = (pick: (s: ClassScores) => number) =>
      perClass.reduce((sum, s) => sum + pick(s), 0) / perClass.length;
    switch (metric) {
      case 'precision':
        return mean((s) => s.precision);
      case 'recall':
        return mean((s) => s.recall);
      case 'f1':
        return mean((s) => s.f1);
      default:
        return undefined;
    }
  }

  /** Rows per label and the share of them answered right (recall), for charts. */
  perClass(): { name: string; rows: number; recall: number }[] {
    return [...this.confusion.keys()].sort().map((name) => {
      const row = this.confusion.get(name)!;
      const rows = [...row.values()].reduce((sum, n) => sum + n, 0);
      return { name, rows, recall: rows > 0 ? (row.get(name) ?? 0) / rows : 0 };
    });
  }

  private classScores(name: string): ClassScores {
    const truePositives = this.confusion.get(name)?.get(name) ?? 0;
    let predicted = 0;
    for (const row of this.confusion.values()) predicted += row.get(name) ?? 0;
    let actual = 0;
    for (const count of this.confusion.get(name)?.values() ?? []) actual += count;
    const precision = predicted > 0 ? truePositives / predicted : 0;
    const recall = actual > 0 ? truePositives / actual : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1 };
  }
}

interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
}

export function newScore(task: Task): RegressionScore | ClassificationScore {
  return task === 'regression' ? new RegressionScore() : new ClassificationScore();
}

/** How often two models give the same answer: the same class, or numbers within a tolerance. */
export class Agreement {
  compared = 0;
  agreeing = 0;

  constructor(private readonly tolerance: number | undefined) {}

  add(a: number | string, b: number | string): void {
    this.compared += 1;
    const same =
      this.tolerance !== undefined && typeof a === 'number' && typeof b === 'number'
        ? Math.abs(a - b) <= this.tolerance
        : a === b;
    if (same) this.agreeing += 1;
  }

  get share(): number | undefined {
    return this.compared > 0 ? this.agreeing / this.compared : undefined;
  }
}
