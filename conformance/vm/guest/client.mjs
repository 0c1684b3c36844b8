// The curl-like client of the VM conformance (the `connect` action): COUNT connections to
// ADDR:PORT, one every INTERVAL seconds, each given up after TIMEOUT seconds. TCP: connect,
// send a request, read the answer (the real server's name) to the end, close. UDP: one
// datagram on a connected socket, one answer.
// TCP order (as the engine's client and server): SYN, SYN-ACK, ACK, request, answer, FIN
// from the client, FIN from the server, last ACK. One JSON line per connection, in order:
//   {"i":1,"result":"served","server":"RS1","client":"10.0.1.2:40000"}
// result: served | refused (ECONNREFUSED) | reset (ECONNRESET) | unreachable | timeout.
// Timing, for reading a recording (never compared): "start" ms after the client began, when
// the connection was opened; "sent" ms after that, when its first datagram or its request
// went out; "ms", when it ended (the answer, or the error or the timeout).
//   node client.mjs tcp|udp ADDR:PORT COUNT INTERVAL TIMEOUT
import net from 'node:net';
import dgram from 'node:dgram';

const [proto, to, countS, intervalS, timeoutS] = process.argv.slice(2);
const [host, portS] = to.split(':');
const port = Number(portS);
const count = Number(countS);
const timeout = Number(timeoutS) * 1000;
const results = [];

function classify(e) {
  if (e.code === 'ECONNREFUSED') return 'refused';
  if (e.code === 'ECONNRESET' || e.code === 'EPIPE') return 'reset';
  if (e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH') return 'unreachable';
  if (e.code === 'ETIMEDOUT') return 'timeout';
  return `error ${e.code ?? e.message}`;
}

const since = (t) => Date.now() - t;

function tcp(i) {
  return new Promise((resolve) => {
    let answer = '';
    let client = null;
    const t1 = Date.now();
    let sent = null;
    const s = net.connect({ host, port });
    const done = (result) => {
      clearTimeout(timer);
      s.destroy();
      resolve({ i, result, server: result === 'served' ? answer.trim() : null, client, start: t1 - t0, sent, ms: since(t1) });
    };
    const timer = setTimeout(() => done('timeout'), timeout);
    s.on('connect', () => {
      client = `${s.localAddress}:${s.localPort}`;
      s.write('GET / HTTP/1.0\r\n\r\n');
      sent = since(t1);
    });
    // The answer read, the client closes first; the server's FIN ends the connection.
    s.on('data', (d) => { answer += d; s.end(); });
    s.on('end', () => done(answer ? 'served' : 'reset'));
    s.on('error', (e) => done(classify(e)));
  });
}

function udp(i) {
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    let client = null;
    const t1 = Date.now();
    let sent = null;
    const done = (result, server = null) => {
      clearTimeout(timer);
      try { s.close(); } catch { /* closed */ }
      resolve({ i, result, server, client, start: t1 - t0, sent, ms: since(t1) });
    };
    const timer = setTimeout(() => done('timeout'), timeout);
    s.on('message', (m) => done('served', String(m).trim()));
    s.on('error', (e) => done(classify(e)));
    s.connect(port, host, () => {
      const a = s.address();
      client = `${a.address}:${a.port}`;
      s.send('hello\n', () => (sent = since(t1)));
    });
  });
}

const t0 = Date.now();
const all = [];
for (let i = 1; i <= count; i++) {
  const wait = t0 + (i - 1) * Number(intervalS) * 1000 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  all.push((proto === 'udp' ? udp : tcp)(i).then((r) => results.push(r)));
}
await Promise.all(all);
results.sort((a, b) => a.i - b.i);
for (const r of results) console.log(JSON.stringify(r));
