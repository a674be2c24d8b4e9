#!/usr/bin/env node
"use strict";
// Command line of the add-in: the same scoring core and annex, on .xlsx files (see README).
let cli;
try {
  cli = require("../dist-cli/cli/main.js");
} catch {
  process.stderr.write("Chưa biên dịch công cụ dòng lệnh: hãy chạy “npm ci” (hoặc “npm run build:cli”).\n");
  process.exit(2);
}
cli
  .main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t + "\n"),
    err: (t) => process.stderr.write(t + "\n"),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  })
  // exitCode, not exit(): exit() would cut a long output (--json) written to a pipe at 64 KiB.
  .then((code) => (process.exitCode = code))
  .catch((e) => {
    process.stderr.write(`Lỗi không mong đợi: ${e && e.message ? e.message : e}\n`);
    process.exit(2);
  });
