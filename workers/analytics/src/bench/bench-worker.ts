/**
 * The worker of the benchmark, in a process of its own so its peak RSS is its own: a real
 * analytics worker (configured by the environment) with the benchmark's 25-parameter catalogue.
 * Answers 'peak' with the process's peak resident set size (VmHWM), in bytes.
 */
import { readFileSync } from 'node:fs';
import { startAnalyticsWorker } from '../worker';
import { benchCatalogue } from './bench-catalogue';

function peakRss(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : process.memoryUsage().rss;
}

// Where the peak comes from: the largest heap and off-heap sizes seen, sampled every 100 ms.
const largest = { heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 };
setInterval(() => {
  const usage = process.memoryUsage();
  for (const key of Object.keys(largest) as (keyof typeof largest)[]) largest[key] = Math.max(largest[key], usage[key]);
}, 100).unref();

startAnalyticsWorker(process.env, { parameters: benchCatalogue }).then(
  (running) => {
    process.on('message', (message) => {
      if (message === 'peak') process.send?.({ peakRss: peakRss(), ...largest });
      if (message === 'stop') void running.close().then(() => process.exit(0));
    });
    process.send?.('ready');
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
