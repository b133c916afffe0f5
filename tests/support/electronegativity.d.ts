// @doyensec/electronegativity ships no types: the part of its programmatic API the packaging test uses.
declare module '@doyensec/electronegativity' {
  interface Finding {
    id: string;
    file: string;
    severity: { name: string; value: number };
  }
  interface ScanError {
    file: string;
    message: string;
    tolerable: boolean;
  }
  const run: (options: Record<string, unknown>, forCli: boolean) => Promise<{ issues: Finding[]; errors: ScanError[] }>;
  export default run;
}
