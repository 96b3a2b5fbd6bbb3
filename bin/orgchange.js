#!/usr/bin/env node
// The `orgchange` command: runs the compiled CLI (npm's `prepare` builds dist/ on `npm ci`).
require('../dist/apps/cli/src/main.js');
