"use strict";
// Preloaded (node -r) into a measured process: prints its peak resident memory and CPU time on exit, on stderr.
process.on("exit", () => {
  try {
    const u = process.resourceUsage();
    require("fs").writeSync(2, `\nMAXRSS_KB ${u.maxRSS} CPU_US ${u.userCPUTime + u.systemCPUTime}\n`);
  } catch {
    // stderr closed: nothing to report
  }
});
