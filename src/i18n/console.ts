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
};

export const consoleZh: typeof consoleEn = {
  open: '终端',
  openAria: '在所选主机上打开终端',
  openHost: '{{host}} 的终端',
  region: '终端',
  tabs: '已打开的终端',
  close: '关闭 {{host}} 的终端',
  closeAll: '关闭终端',
  add: '再打开一个',
  addAria: '在另一台主机上打开终端',
  mode: '更改生效于',
  modeCursor: '光标所在步骤之后',
  modeStart: '开始时（初始配置）',
  modeHelp: '在此输入的更改会成为播放光标所在步骤之后的一个动作，或成为主机初始配置的一部分。',
  terminal: '{{host}} 的终端：输入命令并按回车；Tab 补全，↑/↓ 调出历史，Ctrl+C 取消当前行，Ctrl+L 清屏。',
  welcome: '{{host}}：播放光标处的主机。输入 help 查看命令。',
  loading: '正在加载终端…',
  noSim: '没有可读取的模拟结果（场景未运行）',
};
