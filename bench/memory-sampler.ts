// Peak resident memory of this process while a measured section runs, sampled every 100 ms.
export interface MemorySampler {
  stop: () => number;
}

export function sampleMemory(intervalMs = 100): MemorySampler {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  return {
    /** Stops sampling (idempotent); the peak RSS in MiB. */
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return Math.round(peak / 2 ** 20);
    },
  };
}
