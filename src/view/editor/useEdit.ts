import { useCallback, useState } from 'react';
import type { ScenarioIssue } from '../../scenario/load.ts';
import type { ScenarioOp } from '../../ops/op.ts';
import { useAppStoreApi } from '../../store/StoreContext.tsx';

/**
 * A form's edit: `apply(op)` commits it if the scenario's validation accepts it and returns
 * true; otherwise keeps the problems in `issues` (the form keeps what was typed).
 */
export function useEdit() {
  const api = useAppStoreApi();
  const [issues, setIssues] = useState<(ScenarioIssue | string)[]>([]);
  const apply = useCallback((op: ScenarioOp) => {
    const r = api.getState().dispatch(op, { quiet: true });
    setIssues(r);
    return r.length === 0;
  }, [api]);
  const fail = useCallback((message: string) => {
    setIssues([message]);
    return false;
  }, []);
  const clear = useCallback(() => setIssues([]), []);
  return { apply, issues, fail, clear };
}
