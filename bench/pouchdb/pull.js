// The PouchDB anchor of the initial pull (../shared/reference/sync-anchors.md §2.4, bench/README.md):
// pouchdb-server 4.2 (leveldb, on disk) in a child process on loopback, filled with N documents
// of ~870 B JSON (_id, a subject, an 800-character random base64 body, an integer), then PouchDB 9
// in this process pulls them into a fresh leveldb database on disk, batch_size 500, RUNS times.
// Plain HTTP, as the anchor was measured (pouchdb-server has no TLS). Prints each run and a last
// line "median: <seconds> s <docs/s> docs/s" that sen_bench_server reads.
//
// usage: node pull.js --docs N [--runs R] [--dir DIR] [--port P]
// Install first, in this directory: npm install --ignore-scripts

'use strict';
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const PouchDB = require('pouchdb');

function option(name, fallback) {
    const i = process.argv.indexOf(name);
    return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const docs = Number(option('--docs', '10000'));
const runs = Number(option('--runs', '3'));
const port = Number(option('--port', String(15984 + Math.floor(Math.random() * 1000))));
const base = fs.mkdtempSync(path.join(option('--dir', os.tmpdir()), 'pouch-'));

function up() {
    return new Promise((resolve) => {
        const request = http.get({ host: '127.0.0.1', port, path: '/' }, (response) => {
            response.resume();
            resolve(response.statusCode === 200);
        });
        request.on('error', () => resolve(false));
    });
}

async function main() {
    const serverDir = path.join(base, 'server');
    fs.mkdirSync(serverDir);
    const bin = path.join(__dirname, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
    const server = spawn(process.execPath, [bin, '--host', '127.0.0.1', '--port', String(port), '--dir', serverDir,
                                            '--no-stdout-logs'],
                         { stdio: 'ignore', cwd: serverDir }); // its config.json and log.txt go there
    try {
        for (let i = 0; !(await up()); ++i) {
            if (i > 200)
                throw new Error('pouchdb-server did not start');
            await new Promise((r) => setTimeout(r, 100));
        }
        const remote = new PouchDB(`http://127.0.0.1:${port}/pull-${docs}`);
        for (let start = 0; start < docs; start += 500) {
            const batch = [];
            for (let i = start; i < Math.min(docs, start + 500); ++i) {
                batch.push({
                    _id: `doc-${String(i).padStart(8, '0')}`,
                    subject: `Văn bản số ${i} về việc triển khai kế hoạch`,
                    body: crypto.randomBytes(600).toString('base64'),
                    n: i,
                });
            }
            await remote.bulkDocs(batch);
        }
        const seconds = [];
        for (let run = 0; run < runs; ++run) {
            const target = new PouchDB(path.join(base, `target-${run}`));
            const started = process.hrtime.bigint();
            const result = await PouchDB.replicate(remote, target, { batch_size: 500 });
            const s = Number(process.hrtime.bigint() - started) / 1e9;
            if (result.docs_written !== docs)
                console.log(`  !! PouchDB wrote ${result.docs_written} of ${docs} documents`);
            console.log(`  PouchDB run ${run + 1}: ${s.toFixed(3)} s, ${Math.round(docs / s)} docs/s`);
            seconds.push(s);
            await target.destroy();
        }
        seconds.sort((a, b) => a - b);
        const m = seconds[Math.floor(seconds.length / 2)];
        console.log(`median: ${m.toFixed(3)} s ${Math.round(docs / m)} docs/s`);
    } finally {
        server.kill();
        fs.rmSync(base, { recursive: true, force: true });
    }
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
