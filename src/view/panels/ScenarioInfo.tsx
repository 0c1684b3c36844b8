import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/StoreContext.tsx';

/** Shown when nothing is selected: the scenario's title and description, and how to start. */
export function ScenarioInfo() {
  const { t } = useTranslation();
  const title = useApp((s) => s.scenario.title);
  const description = useApp((s) => s.scenario.description);
  const simError = useApp((s) => s.simError);
  return (
    <section className="panel" aria-labelledby="scn-h">
      <h2 id="scn-h">{title ?? t('inspector.untitled')}</h2>
      {description ? <p>{description}</p> : null}
      {simError ? (
        <div className="form-error" role="alert">
          <p>{t('inspector.simError')}</p>
          <pre>{typeof simError === 'string' ? simError : simError.map((i) => `${i.path}: ${i.message}`).join('\n')}</pre>
        </div>
      ) : null}
      <p className="muted">{t('inspector.hint')}</p>
    </section>
  );
}
