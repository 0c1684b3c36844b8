/** The Chinese texts of lvs.ts, in a file of their own so that they load with the rest of the Chinese strings, on demand (zhStrings.ts). */
import type { lvsEn } from './lvs.ts';

export const lvsZh: typeof lvsEn = {
  fix: {
    label: '真实服务器上的 ARP 修正',
    on: '开',
    off: '关',
    mixed: '{{total}} 台中 {{n}} 台已开',
    turnOn: '给每台真实服务器加上 ARP 修正',
    turnOff: '去掉每台真实服务器上的 ARP 修正',
    hint: '开：VIP 配在 lo 上，并在 all 上设置 arp_ignore=1 和 arp_announce=2，只有调度器应答对 VIP 的 ARP。关：只把 VIP 配在 lo 上，它照样会应答。可一步撤销。',
  },
  conns: {
    title: '连接',
    none: '还没有运行过 connect 操作。添加一个（命令：connect），向虚拟服务发起连接。',
    step: '第 {{n}} 步：{{cmd}}',
    notYet: '播放位置还没有运行到这一步。',
    summary: '共 {{total}} 个连接：{{via}} 个经过调度器，{{bypassed}} 个绕过了它，{{failed}} 个未被服务',
    perServer: '按真实服务器统计',
    serverLine: '{{server}}：服务 {{n}} 个——{{via}} 个经过调度器，{{bypassed}} 个直接到达',
    col: { n: '#', client: '客户端', to: '服务', result: '结果', path: '路径' },
    served: '由 {{server}} 服务，经过 {{director}}',
    bypassed: '由 {{server}} 直接服务——调度器被绕过',
    servedPlain: '由 {{server}} 服务',
    result: { reset: '被重置', refused: '被拒绝', unreachable: '不可达', timeout: '超时' },
    why: '原因',
    whyAria: '显示第 {{n}} 个连接为何这样走',
  },
  ipvsadm: {
    title: 'IPVS 表',
    after: '第 {{n}} 步之后',
    before: '第一步之前',
    none: '这台主机上没有虚拟服务。',
  },
  sched: {
    title: '{{scheduler}} 看到的情况',
    rs: '真实服务器',
    weight: '权重',
    active: '活动',
    inactive: '非活动',
    chosen: '选中',
  },
  note: {
    loAlone: '{{tip}} 配在 {{on}} 上，而不在 {{dev}} 上：arp_ignore 取的是请求到达的接口 {{dev}} 的值——max(all={{all}}, {{dev}}={{devValue}}) = {{value}}。值为 0 时 Linux 会为任何接口上的地址应答，所以只把 VIP 配在 {{on}} 上并不能让这台真实服务器保持沉默，{{on}} 自己的 arp_ignore 也从不被读取。',
    loQuiet: '{{tip}} 配在 {{on}} 上，而不在 {{dev}} 上：arp_ignore={{value}}（all 与请求到达的接口 {{dev}} 的最大值）只为 {{dev}} 上的地址应答，所以这台真实服务器保持沉默，由调度器应答对 VIP 的 ARP。',
  },
};
