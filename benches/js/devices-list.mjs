// Seam's JavaScript SDK making the decoding benchmark's call, driven by
// benches/benches/decode.rs: `node devices-list.mjs ENDPOINT`, then each line on
// standard input is a number of calls; the script makes them one after another with
// `seam.devices.list()` and prints, for the round, the process's CPU time in
// microseconds (user and system, every thread: process.cpuUsage()), the wall time
// in microseconds, and the number of devices of the last answer.

import { createInterface } from 'node:readline'

import { SeamHttp } from '@seamapi/http'

const endpoint = process.argv[2]
if (!endpoint) {
  console.error('usage: node devices-list.mjs http://127.0.0.1:PORT')
  process.exit(2)
}

const seam = new SeamHttp({ apiKey: 'seam_apikey1_token', endpoint })

for await (const line of createInterface({ input: process.stdin })) {
  const calls = Number(line.trim())
  const cpu = process.cpuUsage()
  const wall = process.hrtime.bigint()
  let devices = 0
  for (let call = 0; call < calls; call++) {
    const answer = await seam.devices.list()
    devices = answer.length
  }
  const used = process.cpuUsage(cpu)
  const wallMicros = Number(process.hrtime.bigint() - wall) / 1000
  console.log(`${used.user + used.system} ${Math.round(wallMicros)} ${devices}`)
}
