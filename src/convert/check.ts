// placeholder, replaced below
import type { ConvertedFile } from './convert.js';
import type { CheckResult } from './report.js';
export async function checkConverted(
  files: ConvertedFile[],
  _options: { outDir: string; write: (text: string) => void; environment: NodeJS.ProcessEnv },
): Promise<Map<string, CheckResult[]>> {
  return Promise.resolve(new Map(files.flatMap((file) => file.dags.map((dag) => [`${file.file}:${dag.dag.dagId}`, []]))));
}
