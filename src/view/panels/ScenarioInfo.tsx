import { useTranslation } from 'react-i18next';
import twoNic from '../../examples/twoNic.json';
import { useApp } from '../../store/StoreContext.tsx';
import { isolate } from '../../i18n/displayText.ts';
import { ShownText } from '../ShownText.tsx';
import { galleryTitle } from '../share/galleryTitles.ts';

/** Shown when nothing is selected: the scenario's title and description, and how to start. */
export function ScenarioInfo() {
  const { t } = useTranslation();
  const rawTitle = useApp((s) => s.scenario.title);
  const rawDescription = useApp((s) => s.scenario.description);
  const lang = useApp((s) => s.lang);
  // The built-in example speaks the UI's language, and so do the gallery's titles (loaded before
  // the UI first shows Chinese: galleryTitles.ts); other scenarios show their own text.
  const builtIn = rawTitle === twoNic.title && rawDescription === twoNic.description;
  const gallery = rawTitle === undefined ? undefined : galleryTitle(rawTitle.trim());
  const title = builtIn ? t('examples.twoNic.title') : gallery ? gallery[lang] : rawTitle;
  const description = builtIn ? t('examples.twoNic.description') : rawDescription;
  const simError = useApp((s) => s.simError);
  return (
    <section className="panel" aria-labelledby="scn-h">
      <h2 id="scn-h" className="user-text">{title !== undefined ? isolate(title) : t('inspector.untitled')}</h2>
      {description ? <p className="user-text scenario-description">{isolate(description)}</p> : null}
      {/* The work budget and Cancel are shown over the canvas (view/sim/SimStatus.tsx). */}
      {typeof simError === 'string' || Array.isArray(simError) ? (
        <div className="form-error" role="alert">
          <p>{t('inspector.simError')}</p>
          <pre className="user-text">{(typeof simError === 'string' ? [simError] : simError.map((i) => `${i.path}: ${i.message}`)).map((l, k) => <ShownText key={k} text={`${l}\n`} />)}</pre>
        </div>
      ) : null}
      <p className="muted">{t('inspector.hint')}</p>
    </section>
  );
}
