#!/usr/bin/env node
// npm test: every test of the project, then one closing line "N passed, M failed".
//  1. lint (ESLint, including the engine-purity rules) and type check (tsc -b)
//  2. unit, engine and kernel-recording tests (Vitest)
//  3. end-to-end tests in real Chromium (Playwright; Debian's /usr/bin/chromium —
//     installed with apt when missing and running as root)
//  4. the kernel comparison in network namespaces (conformance/, when root and
//     `ip netns` work; otherwise it says it skipped and why)
//     and the console's text against iproute2, procps sysctl and net-tools there
//     (conformance/console/, a few seconds; the recorded transcripts run in step 2)
//  5. the LVS comparison on a VM kernel with IPVS (conformance/vm/: a small generated
//     batch in one QEMU boot, when root and the VM can be prepared; otherwise skipped
//     with the reason). The committed recordings (conformance/lvs/) run in step 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'arplab-test-'));
let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function gate(label, cmd, args) {
  const rc = run(label, cmd, args);
  if (rc === 0) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.log(`Chromium not found at ${path}. Install Debian's chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    return null;
  }
  console.log('Chromium is missing: installing Debian\'s chromium package with apt-get (Playwright cannot download its own browser here)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (attempt > 1 || !existsSync('/var/lib/apt/lists/lock')) spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update'], { stdio: 'inherit', env });
    const r = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    if (r.status === 0 && existsSync(path)) return path;
  }
  return null;
}

gate('lint', 'npx', ['eslint', '.']);
gate('typecheck', 'npx', ['tsc', '-b']);

const vitestJson = join(tmp, 'vitest.json');
run('unit, engine and kernel-recording tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests + (v.numRuntimeErrorTestSuites ?? 0);
  if (v.numFailedTests || v.numRuntimeErrorTestSuites) failures.push(`vitest: ${v.numFailedTests} failed`);
  if (v.numTotalTests === 0) {
    failed++;
    failures.push('vitest ran no tests');
  }
} else {
  failed++;
  failures.push('vitest produced no report');
}

const chromium = ensureChromium();
if (!chromium) {
  failed++;
  failures.push('e2e: no Chromium');
} else {
  const pwJson = join(tmp, 'playwright.json');
  run('end-to-end tests (Chromium)', 'npx', ['playwright', 'test'], { PW_JSON: pwJson, CHROMIUM_PATH: chromium, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
  if (existsSync(pwJson)) {
    const p = JSON.parse(readFileSync(pwJson, 'utf8'));
    const st = p.stats ?? {};
    passed += st.expected ?? 0;
    const bad = (st.unexpected ?? 0) + (st.flaky ?? 0);
    failed += bad;
    if (bad) failures.push(`playwright: ${bad} failed`);
    if ((st.expected ?? 0) + bad === 0) {
      failed++;
      failures.push('playwright ran no tests');
    }
  } else {
    failed++;
    failures.push('playwright produced no report');
  }
}

if (existsSync('conformance/run.ts')) {
  const r = spawnSync('npx', ['tsx', 'conformance/run.ts', '--ci'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  console.log('\n=== kernel comparison in network namespaces: npx tsx conformance/run.ts --ci');
  process.stdout.write(r.stdout ?? '');
  const m = /conformance-summary: (\{.*\})/.exec(r.stdout ?? '');
  if (/conformance: skipped/.test(r.stdout ?? '') && r.status === 0) {
    // Not root or no netns here: nothing ran, nothing counted.
  } else if (m) {
    // One test per kernel run compared (scenario × rp_filter); a run fails on any step.
    const s = JSON.parse(m[1]);
    const runs = s.runs ?? s.scenarios ?? 0;
    const bad = ((r.stdout ?? '').match(/^(FAIL|ERROR) /gm) ?? []).length;
    passed += Math.max(0, runs - bad);
    failed += bad;
    if (r.status !== 0) {
      failures.push(`conformance: ${s.agree}/${s.steps} steps agree`);
      if (bad === 0) failed++;
    }
  } else {
    failed++;
    failures.push(`conformance runner failed (exit ${r.status})`);
  }
}

if (existsSync('conformance/console/cli.ts')) {
  // The console's text against iproute2/procps/net-tools in namespaces (a few seconds).
  const r = spawnSync('npx', ['tsx', 'conformance/run.ts', '--console', '--ci'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 120_000 });
  console.log('\n=== console text against the real tools: npx tsx conformance/run.ts --console --ci');
  process.stdout.write(r.stdout ?? '');
  const m = /conformance-console-summary: (\{.*\})/.exec(r.stdout ?? '');
  if (/conformance --console: skipped/.test(r.stdout ?? '') && r.status === 0) {
    // Not root or no netns here: the recorded transcripts are compared by the unit tests.
  } else if (m && r.status === 0) {
    passed++;
  } else {
    failed++;
    failures.push(m ? `console text: ${JSON.parse(m[1]).unexpected} command(s) differ from the real tools` : `console conformance failed (exit ${r.status ?? r.signal})`);
  }
}

if (existsSync('conformance/vm/cli.ts')) {
  // Kept small (~3–5 min with the kernel download): the committed recordings give the breadth.
  const args = ['tsx', 'conformance/run.ts', '--vm', '--ci', '--lvs', '3', '--seed', '2026', '--timeout', '600'];
  console.log(`\n=== LVS on a VM kernel with IPVS: npx ${args.join(' ')}`);
  const r = spawnSync('npx', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 900_000 });
  process.stdout.write(r.stdout ?? '');
  const m = /conformance-vm-summary: (\{.*\})/.exec(r.stdout ?? '');
  if (/conformance --vm: skipped/.test(r.stdout ?? '') && r.status === 0) {
    // No root, no x86-64 or no apt here: nothing ran, nothing counted.
  } else if (m) {
    const s = JSON.parse(m[1]);
    const bad = ((r.stdout ?? '').match(/^(FAIL|ERROR) /gm) ?? []).length;
    passed += Math.max(0, s.runs - bad);
    failed += bad;
    if (r.status !== 0) {
      failures.push(`vm conformance: ${s.agree}/${s.steps} steps agree`);
      if (bad === 0) failed++;
    }
  } else {
    failed++;
    failures.push(`vm conformance failed (exit ${r.status ?? r.signal})`);
  }
}

rmSync(tmp, { recursive: true, force: true });
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
