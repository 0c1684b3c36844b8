import { memo } from 'react';
import { switchAnchor, type Geometry } from './geometry.ts';

/** Cables from each attached port to its segment's switch. */
export const Links = memo(function Links({ g }: { g: Geometry }) {
  return (
    <g className="links" aria-hidden="true">
      {g.segments.flatMap((s) =>
        s.ports.map((id) => {
          const p = g.ports[id];
          if (!p) return null;
          const a = switchAnchor(s, p);
          return <line key={id} className="link" x1={p.x} y1={p.y} x2={a.x} y2={a.y} />;
        }),
      )}
    </g>
  );
});
