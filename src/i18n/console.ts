/**
 * UI text of the host consoles (terminal tabs), in both languages. Mounted under `console`
 * in i18n/en.ts and i18n/zh.ts. What the commands print stays as the real tools print it
 * (English), in either language.
 */

export const consoleEn = {
  open: 'Console',
  openAria: 'Open a console on the selected host',
  openHost: 'Console on {{host}}',
  region: 'Consoles',
  tabs: 'Open consoles',
  close: 'Close the console on {{host}}',
  closeAll: 'Close consoles',
  add: 'Open another',
  addAria: 'Open a console on another host',
  mode: 'Changes apply',
  modeCursor: 'after the cursor’s step',
  modeStart: 'at start (setup)',
  modeHelp: 'A change typed here becomes an action after the step at the playback cursor, or part of the host’s setup.',
  terminal: 'Terminal on {{host}}: type a command and press Enter; Tab completes, ↑/↓ recall history, Ctrl+C cancels the line, Ctrl+L clears.',
  welcome: '{{host}}: the host at the playback cursor. Type help for the commands.',
  loading: 'Loading the terminal…',
  noSim: 'no simulation to read (the scenario did not run)',
  paste: 'Paste a config…',
  pasteTitle: 'Paste a config into {{host}}',
  pasteHelp: 'A real-server script, a sysctl.conf, or the output of ip addr / ip route / ip neigh. Each line is applied to the host’s setup and marked.',
  pasteLabel: 'Config text',
  apply: 'Apply to {{host}}',
  back: 'Back to the terminal',
  status: {
    applied: 'applied',
    'no-effect': 'changed nothing in this scenario',
    refused: 'refused',
    'not-understood': 'not understood',
    skipped: 'skipped',
  },
  readAs: 'read as',
  noEffect: {
    configured: 'The host is already configured so.',
    sameOutcome: 'No step of this scenario comes out differently.',
    devDecisions_one: '{{dev}} ({{count}} decision)',
    devDecisions_other: '{{dev}} ({{count}} decisions)',
    listSep: ', ',
  },
  summary: '{{applied}} applied, {{none}} changed nothing, {{bad}} refused or not understood',
};

