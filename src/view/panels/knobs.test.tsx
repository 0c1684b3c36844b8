// @vitest-environment jsdom
/**
 * One knob table (engine/host/conf.ts) for the engine, the format and the inspector: every
 * conf knob the engine's code reads (found in its source, not in the table) is in the table,
 * is accepted by the format over its whole range, and has a row in the inspector's grid with
 * a hint in both languages.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { KNOB_NAMES, knobDef, type Knob } from '../../engine/index.ts';
import twoNic from '../../examples/twoNic.json';
import { createI18n, loadZh } from '../../i18n/index.ts';
import { loadScenario } from '../../scenario/load.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { miniSim } from '../../store/__fixtures__/miniTrace.ts';
import { createAppStore } from '../../store/createAppStore.ts';
import { StoreProvider } from '../../store/StoreContext.tsx';
import { HostInspector } from './HostInspector.tsx';

// The app loads its Chinese strings on demand (i18n/index.ts loadZh); these tests read them.
beforeAll(() => loadZh());

afterEach(cleanup);
const base = twoNic as ScenarioV1;

/** Conf knobs named where the engine reads them: effective(…, 'k'), effValue(…, 'k'), conf.values.k. */
function knobsTheEngineReads(): Set<string> {
  const sources = import.meta.glob<string>(['../../engine/**/*.ts', '!../../engine/**/*.test.ts', '!../../engine/test/**'], { query: '?raw', import: 'default', eager: true });
  expect(Object.keys(sources).length).toBeGreaterThan(20);
  const out = new Set<string>();
  for (const src of Object.values(sources)) {
    for (const m of src.matchAll(/\b(?:effective|effValue)\([^()]*'([a-z_]+)'\)/g)) out.add(m[1]);
    for (const m of src.matchAll(/\bconf(?:\.all|\.dflt)?\.values\.([a-z_]+)/g)) out.add(m[1]);
  }
  return out;
}

const withSysctls = (sysctls: Record<string, number>): ScenarioV1 => ({ ...base, hosts: { ...base.hosts, B: { ...base.hosts.B, sysctls } } });

describe('one sysctl knob table', () => {
  const read = [...knobsTheEngineReads()].sort();

  it('finds the knobs the engine reads (send_redirects among them)', () => {
    expect(read.length).toBeGreaterThan(10);
    expect(read).toContain('send_redirects');
  });

  it.each(read)('%s is in the engine table and accepted by the format over its range', (k) => {
    expect(KNOB_NAMES).toContain(k);
    const d = knobDef(k as Knob);
    for (const v of [d.min, d.max, d.def, ...(d.values ?? [])]) {
      const r = loadScenario(withSysctls({ [`net.ipv4.conf.all.${k}`]: v, [`net.ipv4.conf.eth0.${k}`]: v }));
      expect(r.ok, `${k}=${v}: ${r.ok ? '' : JSON.stringify(r.issues)}`).toBe(true);
    }
    const r = loadScenario(withSysctls({ [`net.ipv4.conf.eth0.${k}`]: d.min - 1 }));
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['sysctlRange']);
  });

  it('the inspector shows every knob the engine reads, with a hint in English and Chinese', () => {
    const store = createAppStore({ scenario: base, engine: { simulate: () => structuredClone(miniSim) } });
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <StoreProvider store={store}>
          <HostInspector host="B" dev={null} />
        </StoreProvider>
      </I18nextProvider>,
    );
    const en = createI18n('en');
    const zh = createI18n('zh');
    for (const k of read) {
      for (const scope of ['all', 'default', 'eth0']) expect(screen.getByLabelText(`net.ipv4.conf.${scope}.${k}`)).toBeTruthy();
      expect(en.getResource('en', 'translation', `knobs.${k}`), k).toBeTruthy();
      expect(zh.getResource('zh', 'translation', `knobs.${k}`), k).toBeTruthy();
    }
  });

  it('a grid value the format refuses is not written, and the grid says why', () => {
    const store = createAppStore({ scenario: base, engine: { simulate: () => structuredClone(miniSim) } });
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <StoreProvider store={store}>
          <HostInspector host="B" dev={null} />
        </StoreProvider>
      </I18nextProvider>,
    );
    const field = screen.getByLabelText('net.ipv4.conf.eth0.medium_id') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '-2' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(store.getState().scenario).toBe(base);
    expect(screen.getByRole('alert').textContent).toContain('medium_id');
    fireEvent.change(field, { target: { value: '7' } });
    fireEvent.blur(field);
    expect(store.getState().scenario.hosts.B.sysctls?.['net.ipv4.conf.eth0.medium_id']).toBe(7);
  });
});
