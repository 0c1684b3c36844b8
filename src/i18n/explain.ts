/**
 * UI text of "What does this change?" (issue 13 part 7: a setting or route explained by
 * re-simulating the scenario with its other values), in both languages. Mounted under
 * `explain` in i18n/en.ts and i18n/zh.ts; the decisions themselves are worded by the Why
 * panel's templates (i18n/decision.ts).
 */

export const explainEn = {
  button: 'What does this change?',
  buttonAria: 'What does {{what}} change in this scenario?',
  title: 'What {{what}} changes',
  scope: 'Setting',
  close: 'Close',
  cancel: 'Cancel',
  again: 'Run again',
  cancelled: 'Stopped.',
  running: 'Re-simulating the scenario: run {{done}} of {{total}} ({{label}})…',
  intro: 'Each other value is tried by running the whole scenario again; decisions are compared with the scenario’s own, step by step.',
  atStart: '{{title}} on {{host}} at start.',
  setLater: 'Step {{step}} sets it to {{value}}: a value tried holds until then.',
  readBy_one: 'Read by {{count}} decision: {{where}}.',
  readBy_other: 'Read by {{count}} decisions: {{where}}.',
  readByNone: 'No decision of this scenario reads it on {{host}}.',
  combine: 'The kernel uses {{rule}}.',
  combineRule: { max: 'max(all, device)', or: 'all OR device', and: 'all AND device', dev: 'the device’s own value' },
  route: 'Route {{title}} of {{host}}’s setup.',
  runs: '{{runs}} runs, {{deliveries}} frame deliveries.',
  valueHead: '{{knob}} = {{value}}',
  without: 'Without this route',
  withMetric: 'With {{metric}}',
  nothing: 'changes nothing in this scenario',
  changes_one: '{{count}} decision changes',
  changes_other: '{{count}} decisions change',
  effective: 'Effective',
  stepResults: 'Step results',
  step: 'step {{steps}}',
  was: 'Was',
  now: 'Now',
  none: '(no such decision)',
  notTried: 'not tried: {{why}}',
  times: '×{{count}}',
  whyNothing: {
    unread: '{{knob}} is never read on {{host}} in this scenario.',
    notHere: '{{knob}} is read on {{devs}}, never on {{scope}}: the value used is {{rule}}.',
    same: '{{knob}} is read on {{devs}}, but no decision comes out differently.',
  },
  error: 'Cannot explain: {{message}}',
};
