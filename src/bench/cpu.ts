/** CPU time of this process so far, user and system, all threads: what the bench prints beside wall time. */
export function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
