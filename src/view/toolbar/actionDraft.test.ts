import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zh } from '../../i18n/zh.ts';
import { parseActionLine, printScenarioAction } from '../../scenario/actions/registry.ts';
import { scenarioArbitrary } from '../../scenario/arbitrary.ts';
import type { ActionV1 } from '../../scenario/types.ts';
import { actionFromDraft, draftForHost, draftFromAction, emptyDraft, formFields, formTypes, type Draft } from './actionDraft.ts';

const draft = (host: string, type: Draft['type'], values: Draft['values']): Draft => {
  const d = emptyDraft(host, type);
  return { ...d, values: { ...d.values, ...values } };
};

describe('command form drafts', () => {
  it('offers the types whose descriptor has a form', () => {
    expect(formTypes()).toEqual(['ping', 'arping', 'flush', 'wait', 'connect', 'packit_arp']);
  });
  it('has every label, choice, placeholder, hint and error of every form in English and Chinese', () => {
    const form = (m: typeof en) => m.form as unknown as Record<string, unknown> & { errors: Record<string, string> };
    for (const m of [en, zh]) {
      for (const t of formTypes()) {
        for (const f of formFields(t)) {
          const keys = [f.label ?? (f.option ? undefined : f.key), f.empty, f.hint, ...(f.choices ?? []).map((c) => c.label)].filter((k) => k !== undefined);
          for (const k of keys) expect(typeof form(m)[k], `${t}.${f.key}: form.${k}`).toBe('string');
          if (f.error) expect(typeof form(m).errors[f.error], `${t}.${f.key}: form.errors.${f.error}`).toBe('string');
        }
      }
    }
  });
  it('builds a connect action: a service, and count/interval only when they differ from one', () => {
    expect(actionFromDraft(draft('C', 'connect', { to: '10.0.0.100:80', count: '4' }), ['C'])).toEqual({ ok: true, action: { type: 'connect', host: 'C', to: '10.0.0.100:80', count: 4 } });
    expect(actionFromDraft(draft('C', 'connect', { to: '10.0.0.100' }), ['C']).ok).toBe(false);
  });
  it('builds ping and arping actions with their flags', () => {
    expect(actionFromDraft(draft('B', 'ping', { to: '192.168.100.36' }), ['A', 'B'])).toEqual({ ok: true, action: { type: 'ping', host: 'B', to: '192.168.100.36' } });
    const arping = draft('A', 'arping', { target: '192.168.100.39', iface: 'eth1', src: '192.168.100.17', count: '3', U: true });
    expect(actionFromDraft(arping, [])).toEqual({
      ok: true, action: { type: 'arping', host: 'A', iface: 'eth1', target: '192.168.100.39', count: 3, src: '192.168.100.17', U: true },
    });
    expect(actionFromDraft(draft('B', 'arping', { target: '10.0.0.1', iface: 'eth0', w: '2', b: true, f: true }), [])).toEqual({
      ok: true, action: { type: 'arping', host: 'B', target: '10.0.0.1', count: 1, w: 2, iface: 'eth0', b: true, f: true },
    });
    expect(actionFromDraft(draft('B', 'arping', { target: '10.0.0.1', iface: 'eth0', w: '0' }), [])).toEqual({ ok: false, error: 'timeout' });
    // a blank count is the form's 1 (arping without -c would never stop)
    expect(actionFromDraft(draft('A', 'arping', { target: '10.0.0.1', iface: 'eth0', count: ' ' }), [])).toMatchObject({ ok: true, action: { count: 1 } });
  });
  it('packit: what the form builds is what parsing the printed line gives, adding (the boxes typed in) or editing', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ actionTypes: ['packit_arp'], minHosts: 1, maxHosts: 3, maxActions: 3, presentation: false }), (sc) => {
        for (const a of sc.actions ?? []) {
          const line = printScenarioAction(a);
          const parsed = parseActionLine(line);
          if (!parsed.ok) throw new Error(`${line}: ${parsed.error}`);
          const host = String(a.host);
          // Added: a new form, each box typed as a person would (MACs in capitals, too).
          const typed = draft(host, 'packit_arp', Object.fromEntries(formFields('packit_arp').flatMap((f) => {
            const v = a[f.key];
            return v === undefined ? [] : [[f.key, f.input === 'mac' ? String(v).toUpperCase() : String(v)]];
          })));
          expect(actionFromDraft(typed, [host]), line).toEqual({ ok: true, action: parsed.action });
          // Edited: the action's own draft, saved unchanged, is the line's action too.
          expect(actionFromDraft(draftFromAction(a, host), [host]), line).toEqual({ ok: true, action: { ...parsed.action, ...(a.settle !== undefined ? { settle: a.settle } : {}) } });
        }
      }),
      { seed: 4, numRuns: 80 },
    );
  });
  it('packit: a reply to broadcast written field by field; each wrong box is named', () => {
    const garp = { op: '2', spa: '10.0.0.100', tpa: '10.0.0.100', tha: 'ff:ff:ff:ff:ff:ff', iface: 'eth0', count: '3' };
    const built = actionFromDraft(draft('RS', 'packit_arp', garp), ['RS']);
    expect(built).toEqual({ ok: true, action: { type: 'packit_arp', host: 'RS', op: 2, spa: '10.0.0.100', tpa: '10.0.0.100', tha: 'ff:ff:ff:ff:ff:ff', iface: 'eth0', count: 3 } });
    expect(printScenarioAction((built as { action: ActionV1 }).action)).toBe('RS$ packit -t ARP -A 2 -x 10.0.0.100 -y 10.0.0.100 -Y ff:ff:ff:ff:ff:ff -i eth0 -c 3');
    const wrong = (values: Draft['values']) => actionFromDraft(draft('RS', 'packit_arp', { ...garp, ...values }), ['RS']);
    expect(wrong({ spa: '' })).toEqual({ ok: false, error: 'spa' });
    expect(wrong({ tpa: '10.0.0' })).toEqual({ ok: false, error: 'tpa' });
    expect(wrong({ sha: '02:00:00:00:0a' })).toEqual({ ok: false, error: 'sha' });
    expect(wrong({ tha: 'broadcast' })).toEqual({ ok: false, error: 'tha' });
    expect(wrong({ ethSrc: 'x' })).toEqual({ ok: false, error: 'ethSrc' });
    expect(wrong({ ethDst: '02:00:00:00:00:0g' })).toEqual({ ok: false, error: 'ethDst' });
    expect(wrong({ iface: '' })).toEqual({ ok: false, error: 'packitIface' });
    expect(wrong({ count: '0' })).toEqual({ ok: false, error: 'count' });
    expect(wrong({ count: '101' })).toEqual({ ok: false, error: 'count' });
    expect(wrong({ op: '3' })).toEqual({ ok: false, error: 'op' });
  });
  it('names the wrong field', () => {
    expect(actionFromDraft(draft('B', 'ping', { to: '192.168.100' }), [])).toEqual({ ok: false, error: 'target' });
    expect(actionFromDraft(draft('B', 'arping', { target: '1.2.3.4' }), [])).toEqual({ ok: false, error: 'iface' });
    expect(actionFromDraft(draft('B', 'arping', { target: '1.2.3.4', iface: 'eth0', src: 'x' }), [])).toEqual({ ok: false, error: 'src' });
    expect(actionFromDraft(draft('B', 'arping', { target: '1.2.3.4', iface: 'eth0', count: '101' }), [])).toEqual({ ok: false, error: 'count' });
    expect(actionFromDraft(draft('B', 'wait', { seconds: '-1' }), [])).toEqual({ ok: false, error: 'seconds' });
    expect(actionFromDraft(draft('B', 'wait', { seconds: '0' }), [])).toEqual({ ok: false, error: 'seconds' });
  });
  it('round-trips an action through the form', () => {
    const a = { type: 'arping' as const, host: 'A', iface: 'eth0', target: '10.0.0.1', count: 2, D: true };
    expect(actionFromDraft(draftFromAction(a, 'A'), ['A'])).toEqual({ ok: true, action: a });
    expect(actionFromDraft(draft('A', 'flush', { hosts: true }), ['A', 'B'])).toEqual({ ok: true, action: { type: 'flush', hosts: ['A', 'B'] } });
    expect(actionFromDraft(draftFromAction({ type: 'wait', seconds: 2.5 }, 'A'), ['A'])).toEqual({ ok: true, action: { type: 'wait', seconds: 2.5 } });
  });
  it('keeps what the form does not show when an action is edited (no option is lost)', () => {
    const a = { type: 'arping' as const, host: 'A', iface: 'eth0', target: '10.0.0.1', count: 1, w: 1, b: true, f: true, settle: 0.5, note: 'probe' };
    const d = draftFromAction(a, 'A');
    expect(actionFromDraft({ ...d, values: { ...d.values, target: '10.0.0.2' } }, ['A'])).toEqual({ ok: true, action: { ...a, target: '10.0.0.2' } });
    const p = draftFromAction({ type: 'ping', host: 'B', to: '10.0.0.1', W: 3, interval: 0.2 }, 'B');
    expect(actionFromDraft(p, ['B'])).toEqual({ ok: true, action: { type: 'ping', host: 'B', to: '10.0.0.1', W: 3, interval: 0.2 } });
    // another type keeps only the step's own fields (and the boxes both types have: -I)
    expect(actionFromDraft({ ...d, type: 'ping', values: { ...d.values, to: '10.0.0.3' } }, ['A'])).toEqual({
      ok: true, action: { type: 'ping', host: 'A', to: '10.0.0.3', iface: 'eth0', settle: 0.5, note: 'probe' },
    });
  });
  it('another host: an interface it does not have is cleared (the issue: -I eth1 kept for C1), one it has stays', () => {
    const d = draft('R1', 'arping', { target: '192.168.100.200', to: '192.168.100.200', iface: 'eth1' });
    const onC1 = draftForHost({ ...d, type: 'ping' }, 'C1', ['lo', 'eth0']);
    expect(onC1.host).toBe('C1');
    expect(onC1.values.iface).toBe('');
    expect(onC1.values.target).toBe('192.168.100.200');
    expect(actionFromDraft(onC1, ['C1', 'R1'])).toMatchObject({ ok: true, action: { type: 'ping', host: 'C1' } });
    expect((actionFromDraft(onC1, []) as { action: Record<string, unknown> }).action.iface).toBeUndefined();
    // arping needs -I: cleared, the form asks for one instead of adding a broken action.
    expect(actionFromDraft(draftForHost(d, 'C1', ['lo', 'eth0']), [])).toEqual({ ok: false, error: 'iface' });
    const onD = draftForHost(d, 'D', ['lo', 'eth0', 'eth1']);
    expect(onD.values.iface).toBe('eth1');
    // Nothing to change: the same draft (the form re-checks on every render).
    expect(draftForHost(d, 'R1', ['lo', 'eth0', 'eth1'])).toBe(d);
  });
});
