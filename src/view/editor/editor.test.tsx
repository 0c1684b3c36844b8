// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import twoNic from '../../examples/twoNic.json';
import { createI18n, loadZh } from '../../i18n/index.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { miniSim } from '../../store/__fixtures__/miniTrace.ts';
import { createAppStore } from '../../store/createAppStore.ts';
import { StoreProvider } from '../../store/StoreContext.tsx';
import { clickNode, selectedNodes } from './selection.ts';
import { deleteTargetOf, requestDelete, requestReplace, nudge } from './commands.ts';
import { EditorProvider } from './EditorContext.tsx';
import { createEditorStore } from './editorStore.ts';
import { HostEditor } from './HostEditor.tsx';
import { SegmentEditor } from './SegmentEditor.tsx';

// The app loads its Chinese strings on demand (i18n/index.ts loadZh); these tests read them.
beforeAll(() => loadZh());

afterEach(cleanup);
const base = twoNic as ScenarioV1;

function setup(ui: 'host' | 'segment' = 'host', lang: 'en' | 'zh' = 'en') {
  const store = createAppStore({ scenario: base, engine: { simulate: () => structuredClone(miniSim) }, lang });
  const ed = createEditorStore();
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <StoreProvider store={store}>
        <EditorProvider store={ed}>{ui === 'host' ? <HostEditor host="B" dev={null} /> : <SegmentEditor segment="lan" />}</EditorProvider>
      </StoreProvider>
    </I18nextProvider>,
  );
  return { store, ed };
}

const newAddress = (port: string) => document.querySelector(`[data-iface="${port}"] [data-address="new"]`) as HTMLFormElement;

describe('Configure tab (HostEditor)', () => {
  it('refuses an invalid address with the validator’s message, keeps what was typed, applies a valid one', () => {
    const { store } = setup();
    const form = newAddress('B.eth0');
    const input = within(form).getByLabelText('Address of B.eth0: the new address (a.b.c.d/len)') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '192.168.100.40/33' } });
    fireEvent.submit(form);
    expect(within(form).getByRole('alert').textContent).toContain('is not an address with a prefix length');
    expect(input.value).toBe('192.168.100.40/33');
    expect(store.getState().scenario).toBe(base);
    fireEvent.change(input, { target: { value: '192.168.100.40/24' } });
    fireEvent.click(within(form).getByLabelText('noprefixroute on B.eth0: the new address'));
    fireEvent.submit(form);
    expect(store.getState().scenario.hosts.B.interfaces?.eth0.addresses).toEqual(['192.168.100.39/24', { cidr: '192.168.100.40/24', noprefixroute: true }]);
    expect(store.getState().past).toHaveLength(1);
  });

  it('refuses a duplicate MAC and a host name already taken', () => {
    const { store } = setup();
    const mac = screen.getByLabelText('MAC address of B.eth0');
    fireEvent.change(mac, { target: { value: '02:00:00:00:0a:01' } });
    fireEvent.submit(mac.closest('form')!);
    expect(screen.getByText(/is also used by A\.eth1/)).toBeTruthy();
    const name = screen.getByTestId('host-name');
    fireEvent.change(name, { target: { value: 'lan' } });
    fireEvent.submit(name.closest('form')!);
    expect(screen.getByText('The name “lan” is already used by a host or a switch.')).toBeTruthy();
    expect(store.getState().scenario).toBe(base);
  });

  it('renames the host everywhere and selects it under its new name', () => {
    const { store } = setup();
    const name = screen.getByTestId('host-name');
    fireEvent.change(name, { target: { value: 'client' } });
    fireEvent.submit(name.closest('form')!);
    const s = store.getState().scenario;
    expect(Object.keys(s.hosts)).toEqual(['A', 'client']);
    expect(s.segments?.lan).toContain('client.eth0');
    expect(s.actions?.[0].host).toBe('client');
    expect(store.getState().selection).toEqual({ kind: 'host', host: 'client' });
  });

  it('adds a route with fields; a gateway that is not reachable is refused (the whole message in 中文)', () => {
    const { store } = setup('host', 'zh');
    const form = document.querySelector('[data-route-edit="new"]') as HTMLFormElement;
    fireEvent.change(within(form).getByLabelText('新路由：目的地'), { target: { value: 'default' } });
    fireEvent.change(within(form).getByLabelText('新路由：网关'), { target: { value: '10.0.0.1' } });
    fireEvent.submit(form);
    const alert = within(form).getByRole('alert');
    expect(alert.textContent).toContain('网关 10.0.0.1 不在直连子网上（Linux："Nexthop has invalid gateway"）');
    expect(alert.textContent).not.toContain('is not on a directly connected subnet');
    fireEvent.change(within(form).getByLabelText('新路由：网关'), { target: { value: '192.168.100.1' } });
    fireEvent.change(within(form).getByLabelText('新路由：metric'), { target: { value: '100' } });
    fireEvent.submit(form);
    expect(store.getState().scenario.hosts.B.routes).toEqual([{ dest: 'default', via: '192.168.100.1', metric: 100 }]);
  });

  it('sets the interface down, moves it to another switch, adds a static neighbour and a sysctl', () => {
    const { store } = setup();
    fireEvent.click(screen.getByLabelText('B.eth0 is up'));
    expect(store.getState().scenario.hosts.B.interfaces?.eth0.state).toBe('down');
    fireEvent.change(screen.getByLabelText('Switch B.eth0 is connected to'), { target: { value: 'net172' } });
    expect(store.getState().scenario.segments).toEqual({ lan: ['A.eth0', 'A.eth1'], net172: ['A.eth2', 'B.eth0'] });
    const neigh = document.querySelector('[data-neigh-edit="new"]') as HTMLFormElement;
    fireEvent.change(within(neigh).getByLabelText('Neighbour address (new entry)'), { target: { value: '192.168.100.1' } });
    fireEvent.change(within(neigh).getByLabelText('Link-layer address (new entry)'), { target: { value: '02:00:00:00:99:01' } });
    fireEvent.submit(neigh);
    expect(store.getState().scenario.hosts.B.neigh).toEqual([{ ip: '192.168.100.1', lladdr: '02:00:00:00:99:01', dev: 'eth0', nud: 'permanent' }]);
    const sysctl = document.querySelector('[data-sysctl-edit="new"]') as HTMLFormElement;
    fireEvent.change(within(sysctl).getByLabelText('New sysctl name'), { target: { value: 'net.ipv4.ip_forwrd' } });
    fireEvent.change(within(sysctl).getByLabelText('Value of the new sysctl'), { target: { value: '1' } });
    fireEvent.submit(sysctl);
    expect(within(sysctl).getByRole('alert').textContent).toContain('unknown sysctl');
    fireEvent.change(within(sysctl).getByLabelText('New sysctl name'), { target: { value: 'net.ipv4.ip_forward' } });
    fireEvent.submit(sysctl);
    expect(store.getState().scenario.hosts.B.sysctls?.['net.ipv4.ip_forward']).toBe(1);
    // The move to another switch (detach + attach) is one edit.
    expect(store.getState().past).toHaveLength(4);
  });

  it('adds an interface with the next free name and a fresh MAC', () => {
    const { store } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add interface' }));
    const i = store.getState().scenario.hosts.B.interfaces?.eth1;
    expect(i?.mac).toMatch(/^02:00:00:/);
    expect(i?.mac).not.toBe('02:00:00:00:0b:00');
    expect(store.getState().selection).toEqual({ kind: 'iface', host: 'B', dev: 'eth1' });
  });
});

describe('switch editor', () => {
  it('renames a switch and disconnects a port', () => {
    const { store } = setup('segment');
    fireEvent.click(screen.getByLabelText('Disconnect A.eth1 from lan'));
    expect(store.getState().scenario.segments?.lan).toEqual(['A.eth0', 'B.eth0']);
    const name = screen.getByTestId('segment-name');
    fireEvent.change(name, { target: { value: 'office' } });
    fireEvent.submit(name.closest('form')!);
    expect(Object.keys(store.getState().scenario.segments ?? {})).toEqual(['office', 'net172']);
  });
});

describe('editor commands', () => {
  it('shift-click builds a multi-selection; Delete asks with the dependents listed; nudge moves all as one edit', () => {
    const store = createAppStore({ scenario: base });
    const ed = createEditorStore({ geometry: null });
    clickNode(store, ed, 'A', false);
    clickNode(store, ed, 'B', true);
    expect(selectedNodes(store.getState(), ed.getState().multi)).toEqual(['A', 'B']);
    requestDelete(store, ed, deleteTargetOf(store, ed));
    const c = ed.getState().confirm;
    expect(c?.names).toEqual(['A', 'B']);
    expect(c?.removed.map((r) => r.what)).toEqual(['port', 'port', 'port', 'port', 'action', 'action']);
    expect(store.getState().scenario).toBe(base);
    clickNode(store, ed, 'A', true);
    expect(ed.getState().multi).toEqual([]);
    expect(store.getState().selection).toEqual({ kind: 'host', host: 'B' });
    // An empty switch goes at once (nothing depends on it), undoably.
    act(() => store.getState().dispatch({ type: 'addSegment', name: 'spare' }));
    store.getState().select({ kind: 'segment', segment: 'spare' });
    requestDelete(store, ed, deleteTargetOf(store, ed));
    expect(store.getState().scenario.segments?.spare).toBeUndefined();
    store.getState().undo();
    expect(store.getState().scenario.segments?.spare).toEqual([]);
    ed.setState({ geometry: { hosts: [], hostIndex: {}, segments: [], segmentIndex: {}, ports: {}, bounds: { x0: 0, y0: 0, x1: 1, y1: 1 } } });
    const g = { hosts: [{ name: 'A', x: 10, y: 10 }, { name: 'B', x: 50, y: 60 }], segments: [] } as unknown as NonNullable<ReturnType<typeof ed.getState>['geometry']>;
    ed.setState({ geometry: g });
    clickNode(store, ed, 'B', false);
    clickNode(store, ed, 'A', true);
    const past = store.getState().past.length;
    nudge(store, ed, 'A', 10, 0);
    expect(store.getState().scenario.layout?.A).toEqual({ x: 20, y: 10 });
    expect(store.getState().scenario.layout?.B).toEqual({ x: 60, y: 60 });
    expect(store.getState().past).toHaveLength(past + 1);
  });

  it('New asks first only when there is work to lose; the replaced work comes back with undo', () => {
    const store = createAppStore({ scenario: base });
    const ed = createEditorStore();
    requestReplace(store, ed, 'new');
    expect(ed.getState().confirm).toBeNull();
    expect(store.getState().scenario.hosts).toEqual({});
    store.getState().dispatch({ type: 'addHost', name: 'X', host: {} });
    requestReplace(store, ed, 'example');
    expect(ed.getState().confirm?.kind).toBe('example');
    expect(Object.keys(store.getState().scenario.hosts)).toEqual(['X']);
  });
});
