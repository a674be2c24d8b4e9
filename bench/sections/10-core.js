// Core vs plain floating point on 100 000 generated rows (see bench/core.ts).
module.exports = require("../core.ts").section;
