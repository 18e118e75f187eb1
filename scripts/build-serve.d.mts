export const root: string;
export const SERVE_OUT: string;
export function newest(dir: string): number;
export function serveBuildIsStale(outDir?: string): boolean;
export function buildServe(outDir?: string): Promise<void>;
