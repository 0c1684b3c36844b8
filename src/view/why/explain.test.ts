import { describe, expect, it } from 'vitest';
import type { DecisionEvent } from '../../engine/trace.ts';
import { events } from '../../store/__fixtures__/miniTrace.ts';
import { createI18n } from '../../i18n/index.ts';
import { explainDecision, kernelName } from './explain.ts';

const drop = events[5] as DecisionEvent;
const rp: DecisionEvent = { ...drop, params: { sip: '192.168.100.39', tip: '192.168.100.36', dev: 'eth1', via: 'eth0', reason: 'strict_other_dev' } };

describe('explainDecision', () => {
  it('uses the engine’s sentence in English', () => {
    expect(explainDecision(createI18n('en'), rp)).toBe(rp.text);
  });
  it('fills the Chinese template from the params and settings', () => {
    expect(explainDecision(createI18n('zh'), rp)).toBe(
      'A.eth1 不应答对 192.168.100.36 的请求：rp_filter=1（取 all 与 eth1 的最大值）；回到 192.168.100.39 的最佳路由从 eth0 出去，而不是 eth1。');
  });
  it('falls back to the engine’s sentence when a template value is missing', () => {
    expect(explainDecision(createI18n('zh'), drop)).toBe(drop.text);
  });
  it('translates the reason code: loose mode on an interface without an address', () => {
    const loose: DecisionEvent = { ...rp, params: { ...rp.params, reason: 'no_addr' } };
    expect(explainDecision(createI18n('zh'), loose)).toBe(
      'A.eth1 不应答对 192.168.100.36 的请求：rp_filter=1（取 all 与 eth1 的最大值）；eth1 没有 IPv4 地址，因此检查退化为拒绝（回到 192.168.100.39 的路由从 eth0 出去）。');
  });
  it('names settings as sysctl does', () => {
    expect(kernelName(rp.settings[0], 'all')).toBe('net.ipv4.conf.all.rp_filter');
    expect(kernelName(rp.settings[0], 'dev')).toBe('net.ipv4.conf.eth1.rp_filter');
  });
});
