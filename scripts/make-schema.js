#!/usr/bin/env node
"use strict";
/**
 * Writes schemas/rules.schema.json from the rules format description (src/core/rules/rulesFormat.ts), the
 * same description validateRules checks with. Run after `npm run build:cli`:
 *   npm run schema
 * test/core/rules/rulesFormat.test.ts fails when the committed file differs from what this writes.
 */
const fs = require("fs");
const path = require("path");
const { toJsonSchema } = require("../dist-cli/core/rules/rulesFormat");

const out = path.resolve(__dirname, "../schemas/rules.schema.json");
fs.writeFileSync(out, JSON.stringify(toJsonSchema(), null, 2) + "\n");
console.log(`đã ghi ${path.relative(process.cwd(), out)}`);
