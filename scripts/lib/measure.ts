/**
 * One measured run of a Node.js command as a child process: wall time, CPU time (user + system, all threads) and
 * peak RSS, the last two reported by the child itself at exit (process.resourceUsage()). Shared by the benchmarks.
 */
import { spawn } from 'node:child_process';

const REPORT_USAGE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nMAXRSS '+u.maxRSS+' CPU '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;

export interface Measure {
  /** Wall time. */
  seconds: number;
  /** CPU time (user + system, all threads): what load from elsewhere on a shared machine disturbs least. */
  cpuSeconds: number;
  rssMb: number;
}

/** Runs `node ARGS...`; rejects when it fails or reports no usage. */
export function measureNode(args: string[]): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', REPORT_USAGE, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const usage = /MAXRSS (\d+) CPU (\d+)/.exec(stderr);
      if (code !== 0 || !usage) return reject(new Error(`${args.join(' ').slice(0, 200)} exited ${code}: ${stderr.slice(0, 500)}`));
      resolve({ seconds, cpuSeconds: Number(usage[2]) / 1e6, rssMb: Number(usage[1]) / 1024 });
    });
  });
}
