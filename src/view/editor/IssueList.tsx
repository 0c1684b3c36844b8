import { useTranslation } from 'react-i18next';
import type { ScenarioIssue } from '../../scenario/load.ts';
import { ShownText } from '../ShownText.tsx';

/**
 * Problems found by the scenario's validation, as the form shows them. The messages of
 * src/scenario are English and name the exact value; in other languages a translated
 * headline for the message id comes first.
 */
export function IssueList({ issues, id }: { issues: (ScenarioIssue | string)[]; id?: string }) {
  const { t, i18n } = useTranslation();
  if (!issues.length) return null;
  const en = i18n.language === 'en';
  return (
    <div className="edit-issues" role="alert" id={id} data-testid="edit-issues">
      <ul>
      {issues.map((i, k) => {
        if (typeof i === 'string') return <li key={k}><ShownText text={i} /></li>;
        const head = !en && i.code ? t(`editor.issue.${i.code}`, { defaultValue: '' }) : '';
        return (
          <li key={k} data-code={i.code}>
            {head ? <strong>{head}</strong> : null}
            {head ? ' ' : null}
            <span lang="en"><ShownText text={i.message} /></span>
          </li>
        );
      })}
      </ul>
    </div>
  );
}
