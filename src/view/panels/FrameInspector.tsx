import type { Frame } from '../../engine/index.ts';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { FRAME_STYLES } from '../canvas/frameStyle.ts';
import { ARP_FIELDS, frameBytes, hexLines } from '../format/hexdump.ts';
import { formatSeconds, tcpdumpLine, wireLength } from '../format/tcpdump.ts';
import { useOwners } from '../hooks/derived.ts';

const OPS: Record<number, string> = { 1: 'request', 2: 'reply' };

/** One frame: Ethernet and ARP (or IP/ICMP) fields, tcpdump's line, and the bytes on the wire. */
export function FrameInspector({ frameId }: { frameId: number }) {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const flight = useApp((s) => {
    const i = s.timeline.flightIndex[frameId];
    return i === undefined ? undefined : s.timeline.flights[i];
  });
  const tx = useApp((s) => (flight ? s.sim?.events.at(flight.txIndex) : undefined));
  const padded = useApp((s) => s.padFrames);
  const owners = useOwners();
  if (!flight || !tx) return null;
  const f = flight.frame;
  const who = (mac: string) => (owners[mac] ? ` (${owners[mac]})` : mac === 'ff:ff:ff:ff:ff:ff' ? ` (${t('frame.broadcast')})` : '');
  const bytes = frameBytes(f, padded);
  const rows: [string, string][] = [
    ['eth.dst', f.dst + who(f.dst)],
    ['eth.src', f.src + who(f.src)],
    ['eth.type', f.ethertype === 0x0806 ? '0x0806 (ARP)' : '0x0800 (IPv4)'],
  ];
  if (f.arp) {
    rows.push(
      ['arp.htype', '1 (Ethernet)'], ['arp.ptype', '0x0800 (IPv4)'], ['arp.hlen / plen', '6 / 4'],
      ['arp.op', `${f.arp.op}${OPS[f.arp.op] ? ` (${OPS[f.arp.op]})` : ''}`],
      ['arp.sha', f.arp.sha + who(f.arp.sha)], ['arp.spa', f.arp.spa], ['arp.tha', f.arp.tha + who(f.arp.tha)], ['arp.tpa', f.arp.tpa],
    );
  }
  if (f.ip) rows.push(['ip.src', f.ip.src], ['ip.dst', f.ip.dst], ['ip.ttl', String(f.ip.ttl)], ...ipPayloadRows(f.ip));
  return (
    <section className="panel frame-inspector" aria-labelledby="frame-h" data-frame={frameId}>
      <h2 id="frame-h">{t('frame.title', { id: frameId, kind: t(FRAME_STYLES[flight.kind].nameKey) })}</h2>
      <p className="small">
        {t('frame.sentBy', { port: `${flight.host}.${flight.dev}`, t: formatSeconds(tx.t) })}{' '}
        {flight.segment === null ? t('frame.lost') : t('frame.deliveredTo', { ports: flight.deliveries.map((d) => `${d.host}.${d.dev}`).join(', ') || '—' })}
      </p>
      <pre className="cmd tcpdump">{tcpdumpLine(f, { link: true, padded })}</pre>
      <table className="kv">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row"><code>{k}</code></th>
              <td><code>{v}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      {bytes ? (
        <>
          <div className="hex-head">
            <h3>{t('frame.bytes', { n: wireLength(f, padded) })}</h3>
            <label className="check">
              <input type="checkbox" checked={padded} onChange={(e) => api.getState().setPadFrames(e.target.checked)} />
              {t('frame.pad')}
            </label>
          </div>
          <pre className="hex" aria-label={t('frame.hexAria')}>{hexLines(bytes).join('\n')}</pre>
          <p className="muted small">{ARP_FIELDS.map((x) => `${x.name} ${x.from}–${x.to - 1}`).join(' · ')}</p>
        </>
      ) : null}
    </section>
  );
}

function ipPayloadRows(ip: NonNullable<Frame['ip']>): [string, string][] {
  if (ip.icmp) return [['icmp', `${ip.icmp.type} id ${ip.icmp.id} seq ${ip.icmp.seq}`]];
  if (ip.tcp) return [['tcp', `${ip.tcp.sport} → ${ip.tcp.dport} [${ip.tcp.flags}] seq ${ip.tcp.seq} ack ${ip.tcp.ack}`]];
  if (ip.udp) return [['udp', `${ip.udp.sport} → ${ip.udp.dport}`]];
  if (ip.ipip) return [['ipip', `${ip.ipip.src} → ${ip.ipip.dst}`], ...ipPayloadRows(ip.ipip)];
  return [];
}
