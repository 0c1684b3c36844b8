/**
 * The architecture's "never"s are ESLint rules (eslint.config.js). Each case lints a small
 * in-memory file placed in a directory with the project's config and checks that the rule
 * fires — and that the allowed import next to it does not, so a rule can neither be
 * missing nor swallow everything.
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });

/** no-restricted-imports messages for `code` as if it were the file `file`. */
async function restricted(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(`${code}\nexport const x = 1;\n`, { filePath: join(root, file) });
  return r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

type Case = [file: string, forbidden: string, allowed: string | null];

const cases: Record<string, Case[]> = {
  'engine ↛ scenario, store, view, ops, commands, lessons, React, zustand': [
    ['src/engine/sim/x.ts', "import { loadScenario } from '../../scenario/load.ts';", "import { World } from './world.ts';"],
    ['src/engine/sim/x.ts', "import type { AppState } from '../../store/types.ts';", null],
    ['src/engine/sim/x.ts', "import { Canvas } from '../../view/canvas/Canvas.tsx';", null],
    ['src/engine/sim/x.ts', "import { applyOp } from '../../ops/apply.ts';", null],
    ['src/engine/sim/x.ts', "import { run } from '../../commands/run.ts';", null],
    ['src/engine/sim/x.ts', "import { lesson } from '../../lessons/one.ts';", null],
    ['src/engine/sim/x.ts', "import { useState } from 'react';", null],
    ['src/engine/sim/x.ts', "import { create } from 'zustand';", null],
  ],
  'scenario ↛ store, view (and ops)': [
    ['src/scenario/x.ts', "import type { AppState } from '../store/types.ts';", "import { messages } from './messages.ts';"],
    ['src/scenario/x.ts', "import { IssueList } from '../view/editor/IssueList.tsx';", null],
    ['src/scenario/x.ts', "import { applyOp } from '../ops/apply.ts';", null],
  ],
  'ops ↛ store, view, zustand, React': [
    ['src/ops/x.ts', "import { createAppStore } from '../store/createAppStore.ts';", "import { loadScenario } from '../scenario/load.ts';"],
    ['src/ops/x.ts', "import { useEdit } from '../view/editor/useEdit.ts';", null],
    ['src/ops/x.ts', "import { createStore } from 'zustand/vanilla';", null],
    ['src/ops/x.ts', "import { useState } from 'react';", null],
  ],
  'store ↛ view': [
    ['src/store/x.ts', "import { IssueList } from '../view/editor/IssueList.tsx';", "import { applyOp } from '../ops/apply.ts';"],
  ],
  'i18n ↛ view': [
    ['src/i18n/x.ts', "import { editorEn } from '../view/editor/strings.ts';", "import { editorEn } from './editor.ts';"],
  ],
  'outside the engine, only engine/index.ts': [
    ['src/view/x.ts', "import type { Frame } from '../engine/trace.ts';", "import type { Frame } from '../engine/index.ts';"],
    ['src/scenario/x.ts', "import { CONF_KNOBS } from '../engine/host/conf.ts';", "import { CONF_KNOBS } from '../engine/index.ts';"],
    ['src/ops/x.ts', "import type { HostKind } from '../engine/input.ts';", "import type { HostKind } from '../engine/index.ts';"],
    ['src/store/x.ts', "import type { SimResult } from '../engine/trace.ts';", null],
    ['bench/x.ts', "import { buildWorld } from '../src/engine/sim/build.ts';", "import { buildWorld } from '../src/engine/index.ts';"],
    ['conformance/x.ts', "import { simulate } from '../src/engine/sim/run.ts';", "import { simulate } from '../src/engine/index.ts';"],
    ['test/x.test.ts', "import { simulate } from '../src/engine/sim/run.ts';", "import { cluster } from '../src/engine/test/lvsCluster.ts';"],
  ],
};

describe('architecture boundaries are lint rules that fire', () => {
  for (const [rule, list] of Object.entries(cases)) {
    it(rule, async () => {
      for (const [file, forbidden, allowed] of list) {
        expect(await restricted(file, forbidden), `${file}: ${forbidden}`).toHaveLength(1);
        if (allowed) expect(await restricted(file, allowed), `${file}: ${allowed}`).toEqual([]);
      }
    }, 60_000);
  }
});
