import { model } from '../../store/lazyModel.ts';
import type { ScenarioIssue } from '../../scenario/load.ts';
import { useApp } from '../../store/StoreContext.tsx';
import { ShownText } from '../ShownText.tsx';

/**
 * Problems found by the scenario's validation, as the form shows them, in the UI's language
 * (src/i18n/scenarioMessages.ts words each message id from its arguments).
 */
export function IssueList({ issues, id }: { issues: (ScenarioIssue | string)[]; id?: string }) {
  const lang = useApp((s) => s.lang);
  if (!issues.length) return null;
  return (
    <div className="edit-issues" role="alert" id={id} data-testid="edit-issues">
      <ul>
      {issues.map((i, k) => {
        if (typeof i === 'string') return <li key={k}><ShownText text={i} /></li>;
        const m = model().issueMessage(lang, i);
        return (
          <li key={k} data-code={i.code} lang={m.lang === 'zh' ? 'zh-CN' : 'en'}>
            <ShownText text={m.text} />
          </li>
        );
      })}
      </ul>
    </div>
  );
}
