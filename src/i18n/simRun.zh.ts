/** The Chinese texts of simRun.ts, in a file of their own so that they load with the rest of the Chinese strings, on demand (zhStrings.ts). */
import type { simRunEn } from './simRun.ts';

export const simRunZh: typeof simRunEn = {
  running: '正在模拟… 第 {{step}} 步，共 {{steps}} 步',
  work: '已投递 {{deliveries}} 帧，上限 {{max}}',
  cancel: '取消',
  cancelled: '模拟已取消。场景没有改变：可以编辑它，或重新运行。',
  streaming: '可以开始播放：已算出的步骤先播放，其余的继续计算。',
  computed: '已算出 {{done}} 步，共 {{steps}} 步',
  cancelledPartial: '模拟在第 {{done}} 步（共 {{steps}} 步）后取消。场景没有改变：可以编辑它，或重新运行。已算出的步骤保留，可以播放。',
  budgetPartial: '达到上限之前算出的 {{done}} 步保留，可以播放。',
  rerun: '重新运行',
  budgetTitle: '此场景太大，无法模拟',
  budget: '此场景需要超过 {{max}} {{limit}}（上限）：{{hint}}。',
  editable: '场景保持原样；修改后会重新运行。',
  limit: {
    deliveries: '次帧投递',
    events: '条跟踪事件',
    neighRows: '行邻居表（每一步之后每台主机的表）',
  },
  hint: {
    arping: '减小动作 {{n}}（在 {{host}} 上）的 arping -c 或 -w，或删除一些主机或动作',
    arpingForever: '为动作 {{n}}（在 {{host}} 上）的 arping 指定 -c 或 -w（否则它会运行 60 秒），或删除一些主机或动作',
    ping: '减小动作 {{n}}（在 {{host}} 上）的 ping -c 或增大 -i，或删除一些主机或动作',
    wait: '缩短动作 {{n}} 的等待时间，或删除一些主机或动作',
    other: '删除一些主机或动作（在第 {{n}} 个动作时达到上限，共 {{steps}} 个）',
    setup: '删除一些主机',
  },
};
