// Preloaded by bench/process.ts (`node --require`) into both processes it times: at exit, the process's
// own CPU time (user + system, all its threads) on stderr, for a ratio less moved by other jobs than wall time.
process.on("exit", () => {
  const u = process.cpuUsage();
  process.stderr.write(`\n__cpu_ms=${((u.user + u.system) / 1000).toFixed(1)}\n`);
});
