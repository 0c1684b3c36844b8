import type { TFunction } from 'i18next';
import type { Removed } from '../../ops/removed.ts';
import { ipRouteLine } from '../format/iproute2.ts';
import { scenarioActionLine } from '../timeline/eventLine.ts';

/** One line per removed thing, for the delete confirmation. */
export function removedText(t: TFunction, r: Removed): string {
  switch (r.what) {
    case 'host': return t('editor.removed.host', { host: r.host });
    case 'segment': return t('editor.removed.segment', { segment: r.segment });
    case 'iface': return t('editor.removed.iface', { port: `${r.host}.${r.dev}`, addrs: r.addresses.join(', ') || '—' });
    case 'port': return t('editor.removed.port', { port: r.port, segment: r.segment });
    case 'route': return t('editor.removed.route', { host: r.host, route: ipRouteLine(r.route) });
    case 'neigh': return t('editor.removed.neigh', { host: r.host, entry: `${r.entry.ip} dev ${r.entry.dev}` });
    case 'listen': return t('editor.removed.listen', { host: r.host, socket: `${r.entry.proto ?? 'tcp'} ${r.entry.addr ?? '0.0.0.0'}:${r.entry.port}` });
    case 'sysctl': return t('editor.removed.sysctl', { host: r.host, key: r.key });
    case 'action': return t('editor.removed.action', { n: r.index + 1, cmd: scenarioActionLine(r.action) });
  }
}
