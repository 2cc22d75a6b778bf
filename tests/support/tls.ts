import { generate } from 'selfsigned'

/** A self-signed certificate for 127.0.0.1 and localhost. */
export interface TestCertificate {
  key: string
  cert: string
}

let cached: Promise<TestCertificate> | undefined

/** One EC certificate per test process (generation takes ~30 ms, but why repeat it). */
export function testCertificate(): Promise<TestCertificate> {
  cached ??= Promise.resolve(
    generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keyType: 'ec',
      curve: 'P-256',
      extensions: [
        { name: 'basicConstraints', cA: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 7, ip: '127.0.0.1' },
            { type: 2, value: 'localhost' },
          ],
        },
      ],
    }),
  ).then((pems) => ({ key: pems.private, cert: pems.cert }))
  return cached
}
