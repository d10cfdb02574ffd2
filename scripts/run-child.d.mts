/** Runs a child in the foreground, forwarding SIGINT, SIGTERM and SIGHUP to it; resolves with its exit code. */
export function runChild(command: string, args: readonly string[], options?: import('node:child_process').SpawnOptions): Promise<number>;
