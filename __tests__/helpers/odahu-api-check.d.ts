export declare const ODAHU_API_DIR: string;
export declare const CHECKS: Record<'swagger.yaml' | 'REFERENCE.md' | 'cluster-defaults', string[]>;
export declare function odahuApiSkipLine(
  dir: string,
  env: Record<string, string | undefined>,
): string | undefined;
export default function checkOdahuApi(): void;
