// Structured error log: one JSON line per error, with its stack, on stderr (collected by the host).
export function logError(event: string, err: unknown, context: Record<string, unknown> = {}): void {
  const e = err instanceof Error ? err : new Error(String(err));
  console.error(JSON.stringify({ level: "error", event, message: e.message, stack: e.stack, ...context, at: new Date().toISOString() }));
}
