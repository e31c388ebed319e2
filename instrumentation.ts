// Next.js calls register() once when an app server process starts: the process's background work
// (lib/batch/background.ts) runs in the Node.js runtime only.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("./lib/batch/background");
  startBackgroundWork();
}
