import { memo, useMemo } from 'react';
import { loadScenario } from '../../scenario/load.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { buildGeometry, switchAnchor } from '../canvas/geometry.ts';
import { isolate } from '../../i18n/displayText.ts';

/** Up to this many hosts a thumbnail names each card and draws each as its own element. */
const NAMED_UP_TO = 48;

/**
 * A thumbnail of a scenario's topology: host cards, switches and cables, placed as on the
 * canvas (same geometry), without tables or labels other than the names.
 */
export const GalleryPreview = memo(function GalleryPreview({ scenario, label }: { scenario: ScenarioV1; label: string }) {
  const g = useMemo(() => {
    const r = loadScenario(scenario);
    // A large topology's thumbnail draws no port label, so its labels are not placed: for the
    // data centre's 1,000 ports that placement was most of the dialog's opening task.
    return r.ok ? buildGeometry(r.engine, scenario.layout, r.engine.hosts.length > NAMED_UP_TO).geometry : null;
  }, [scenario]);
  if (!g) return null;
  const pad = 30;
  const { x0, y0, x1, y1 } = g.bounds;
  const viewBox = `${x0 - pad} ${y0 - pad} ${x1 - x0 + 2 * pad} ${y1 - y0 + 2 * pad}`;
  if (g.hosts.length > NAMED_UP_TO) {
    // A large topology: every cable in one path, every card in another, no names (unreadable
    // at this size): three elements, not thousands.
    let links = '';
    for (const s of g.segments)
      for (const id of s.ports) {
        const p = g.ports[id];
        if (!p) continue;
        const a = switchAnchor(s, p);
        links += `M${p.x} ${p.y}L${a.x} ${a.y}`;
      }
    const cards = g.hosts.map((h) => `M${h.x - h.w / 2} ${h.y - h.h / 2}h${h.w}v${h.h}h${-h.w}z`).join('');
    return (
      <svg className="gallery-preview" viewBox={viewBox} preserveAspectRatio="xMidYMid meet" role="img" aria-label={label}>
        {/* Lines a fraction of a pixel wide at this scale: drawn 0.6 px wide on screen. */}
        <path className="gp-link" d={links} vectorEffect="non-scaling-stroke" strokeWidth={0.6} />
        {g.segments.map((s) => (
          <rect key={s.name} className="gp-switch" x={s.x - s.w / 2} y={s.y - s.h / 2} width={s.w} height={s.h} rx={5} />
        ))}
        <path className="gp-host" d={cards} vectorEffect="non-scaling-stroke" strokeWidth={0.6} />
      </svg>
    );
  }
  return (
    <svg className="gallery-preview" viewBox={viewBox} preserveAspectRatio="xMidYMid meet" role="img" aria-label={label}>
      {g.segments.flatMap((s) =>
        s.ports.map((id) => {
          const p = g.ports[id];
          if (!p) return null;
          const a = switchAnchor(s, p);
          return <line key={id} className="gp-link" x1={p.x} y1={p.y} x2={a.x} y2={a.y} />;
        }),
      )}
      {g.segments.map((s) => (
        <rect key={s.name} className="gp-switch" x={s.x - s.w / 2} y={s.y - s.h / 2} width={s.w} height={s.h} rx={5} />
      ))}
      {g.hosts.map((h) => (
        <g key={h.name}>
          <rect className="gp-host" x={h.x - h.w / 2} y={h.y - h.h / 2} width={h.w} height={h.h} rx={8} />
          <text className="gp-name" x={h.x} y={h.y + 16} textAnchor="middle">{isolate(h.name)}</text>
        </g>
      ))}
    </svg>
  );
});
