// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import twoNic from '../../examples/twoNic.json';
import { createI18n, loadZh } from '../../i18n/index.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { miniSim } from '../../store/__fixtures__/miniTrace.ts';
import { createAppStore } from '../../store/createAppStore.ts';
import { StoreProvider } from '../../store/StoreContext.tsx';
import { HostInspector } from './HostInspector.tsx';

// The app loads its Chinese strings on demand (i18n/index.ts loadZh); these tests read them.
beforeAll(() => loadZh());

afterEach(cleanup);

function setup(lang: 'en' | 'zh' = 'en') {
  const store = createAppStore({ scenario: twoNic as ScenarioV1, engine: { simulate: () => structuredClone(miniSim) }, lang });
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <StoreProvider store={store}>
        <HostInspector host="B" dev={null} />
      </StoreProvider>
    </I18nextProvider>,
  );
  return store;
}

describe('HostInspector', () => {
  it('edits a sysctl through a typed op, undoably', () => {
    const store = setup();
    fireEvent.change(screen.getByLabelText('net.ipv4.conf.eth0.arp_ignore'), { target: { value: '1' } });
    expect(store.getState().scenario.hosts.B.sysctls?.['net.ipv4.conf.eth0.arp_ignore']).toBe(1);
    expect(store.getState().past).toHaveLength(1);
    act(() => store.getState().undo());
    expect((screen.getByLabelText('net.ipv4.conf.eth0.arp_ignore') as HTMLSelectElement).value).toBe('');
  });

  it('shows the neighbour table at the playback position, as ip neigh prints it', () => {
    const store = setup();
    expect(screen.getByText('(empty)')).toBeTruthy();
    act(() => store.getState().finish());
    const table = document.querySelector('[data-neigh-table="B"]')!;
    expect(table.textContent).toContain('192.168.100.36 dev eth0 lladdr 02:00:00:00:0a:00 REACHABLE');
    expect(table.textContent).toContain('timer 20.0 s');
  });

  it('adds a route written in ip route syntax and rejects a bad one', () => {
    const store = setup('zh');
    const input = screen.getByLabelText('新路由（ip route 语法）');
    fireEvent.change(input, { target: { value: 'default via 192.168.100.2 dev eth0' } });
    fireEvent.submit(input.closest('form')!);
    expect(store.getState().scenario.hosts.B.routes).toEqual([{ dest: 'default', via: '192.168.100.2', dev: 'eth0' }]);
    fireEvent.change(input, { target: { value: 'default bogus 1' } });
    fireEvent.submit(input.closest('form')!);
    expect(screen.getByRole('alert').textContent).toMatch(/unknown keyword/);
  });
});
