/** Folders and files the web bundle is built from. */
export const WEB_BUILD_INPUTS: readonly string[];
/** Whether a file name (no folder) is one the web build reads. */
export function isWebSource(name: string): boolean;
/** True when dist/web is missing or older than a source it is built from. */
export function webBuildIsStale(root: string): boolean;
