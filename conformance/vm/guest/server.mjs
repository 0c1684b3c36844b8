// A real server's listener in the VM conformance: answers every TCP connection and UDP
// datagram with its host name, so the client knows which real server served it.
//   node server.mjs NAME tcp:80 udp:53 …     prints "ready" once every socket listens.
import net from 'node:net';
import dgram from 'node:dgram';
import os from 'node:os';

const [name, ...specs] = process.argv.slice(2);
let pending = specs.length;
const ready = () => { if (--pending === 0) console.log('ready'); };
// UDP without an address: one socket per local IPv4 address, so each answer leaves from
// the address the datagram was sent to (the VIP on an LVS real server), as the engine's
// listener answers; a socket on 0.0.0.0 would answer from the route's source instead.
const localAddrs = () => Object.values(os.networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4').map((a) => a.address);
const jobs = specs.flatMap((spec) => {
  const [proto, port, addr] = spec.split(':');
  return proto === 'udp' && !addr ? localAddrs().map((a) => [proto, port, a]) : [[proto, port, addr]];
});
pending = jobs.length;
for (const [proto, port, addr] of jobs) {
  if (proto === 'udp') {
    const s = dgram.createSocket('udp4');
    s.on('message', (_m, r) => s.send(`${name}\n`, r.port, r.address));
    s.on('error', (e) => console.error(`udp ${port}: ${e.message}`));
    s.bind(Number(port), addr || undefined, ready);
  } else {
    const s = net.createServer({ allowHalfOpen: true }, (c) => {
      c.on('error', () => {});
      // Answer the request, close when the client has closed (the engine's server does the same).
      c.once('data', () => c.write(`${name}\n`));
      c.on('end', () => c.end());
    });
    s.on('error', (e) => console.error(`tcp ${port}: ${e.message}`));
    s.listen(Number(port), addr || undefined, ready);
  }
}
process.on('SIGTERM', () => process.exit(0));
