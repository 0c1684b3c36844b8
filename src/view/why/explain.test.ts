import { beforeAll, describe, expect, it } from 'vitest';
import type { DecisionEvent } from '../../engine/index.ts';
import { events } from '../../store/__fixtures__/miniTrace.ts';
import { createI18n, loadZh } from '../../i18n/index.ts';
import { explainDecision, kernelName } from './explain.ts';

// The app loads its Chinese strings on demand (i18n/index.ts loadZh); these tests read them.
beforeAll(() => loadZh());

const rp = events[5] as DecisionEvent;

describe('explainDecision', () => {
  it('renders the decision in English from its data', () => {
    expect(explainDecision(createI18n('en'), rp)).toBe(
      'A.eth1 does not answer the request for 192.168.100.36: rp_filter=1 (max of all=1, eth1=1); the best route back to 192.168.100.39 leaves via eth0, not eth1');
  });
  it('and in Chinese from the same data', () => {
    expect(explainDecision(createI18n('zh'), rp)).toBe(
      'A.eth1 不应答对 192.168.100.36 的请求：rp_filter=1（取 all=1 与 eth1=1 的最大值）；回到 192.168.100.39 的最佳路由从 eth0 出去，而不是 eth1');
  });
  it('translates the reason code: an interface without an address', () => {
    const noAddr: DecisionEvent = { ...rp, reason: 'no_addr' };
    expect(explainDecision(createI18n('zh'), noAddr)).toBe(
      'A.eth1 不应答对 192.168.100.36 的请求：rp_filter=1（取 all=1 与 eth1=1 的最大值）；eth1 没有 IPv4 地址，因此检查退化为拒绝（回到 192.168.100.39 的路由从 eth0 出去）');
  });
  it('names settings as sysctl does', () => {
    expect(kernelName(rp.settings[0], 'all')).toBe('net.ipv4.conf.all.rp_filter');
    expect(kernelName(rp.settings[0], 'dev')).toBe('net.ipv4.conf.eth1.rp_filter');
  });
});
