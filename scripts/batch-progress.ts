// The batch's progress on a terminal: one bar per book (days done of the days planned). Without a
// terminal (a service's log), one line per book when it is done, so a long first start still says
// where it is.
import cliProgress from "cli-progress";
import type { LocalRunOptions } from "@/lib/batch/local-executor";

export function batchProgress(log: (line: string) => void = console.log): { onProgress: NonNullable<LocalRunOptions["onProgress"]>; stop: () => void } {
  if (!process.stdout.isTTY) {
    return {
      onProgress: ({ portfolioId, done, total }) => {
        if (done === total) log(`${portfolioId}: ${done} of ${total} days computed`);
      },
      stop: () => {},
    };
  }
  const multi = new cliProgress.MultiBar({ format: " {portfolio} |{bar}| {value}/{total} days", hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic);
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    onProgress: ({ portfolioId, done, total }) => {
      let b = bars.get(portfolioId);
      if (!b) bars.set(portfolioId, (b = multi.create(total, 0, { portfolio: portfolioId.padEnd(18) })));
      b.setTotal(total);
      b.update(done, { portfolio: portfolioId.padEnd(18) });
    },
    stop: () => multi.stop(),
  };
}
