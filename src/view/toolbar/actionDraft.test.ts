import { describe, expect, it } from 'vitest';
import { actionFromDraft, draftFromAction, emptyDraft } from './actionDraft.ts';

describe('command form drafts', () => {
  it('builds ping and arping actions with their flags', () => {
    expect(actionFromDraft({ ...emptyDraft('B'), target: '192.168.100.36' }, ['A', 'B'])).toEqual({ ok: true, action: { type: 'ping', host: 'B', to: '192.168.100.36' } });
    const arping = { ...emptyDraft('A'), type: 'arping' as const, target: '192.168.100.39', iface: 'eth1', src: '192.168.100.17', count: '3', U: true };
    expect(actionFromDraft(arping, [])).toEqual({
      ok: true, action: { type: 'arping', host: 'A', iface: 'eth1', target: '192.168.100.39', count: 3, src: '192.168.100.17', U: true },
    });
  });
  it('names the wrong field', () => {
    expect(actionFromDraft({ ...emptyDraft('B'), target: '192.168.100' }, [])).toEqual({ ok: false, error: 'target' });
    expect(actionFromDraft({ ...emptyDraft('B'), type: 'arping', target: '1.2.3.4' }, [])).toEqual({ ok: false, error: 'iface' });
    expect(actionFromDraft({ ...emptyDraft('B'), type: 'wait', seconds: '-1' }, [])).toEqual({ ok: false, error: 'seconds' });
  });
  it('round-trips an action through the form', () => {
    const a = { type: 'arping' as const, host: 'A', iface: 'eth0', target: '10.0.0.1', count: 2, D: true };
    const r = actionFromDraft(draftFromAction(a, 'A'), ['A']);
    expect(r).toEqual({ ok: true, action: a });
    expect(actionFromDraft({ ...emptyDraft('A'), type: 'flush', allHosts: true }, ['A', 'B'])).toEqual({ ok: true, action: { type: 'flush', hosts: ['A', 'B'] } });
  });
});
