import { generate } from 'selfsigned'

/** A key and a self-signed certificate (the certificate is its own CA). */
export interface SandboxCertificate {
  key: string
  cert: string
}

/**
 * Generates a fresh self-signed EC certificate for `IP:127.0.0.1` and `DNS:localhost`, marked
 * as a CA so Node (`ca`, `NODE_EXTRA_CA_CERTS`) and Chromium can trust it directly.
 */
export async function createCertificate(): Promise<SandboxCertificate> {
  const days = 30
  const notAfterDate = new Date(Date.now() + days * 24 * 60 * 60 * 1000)
  const pems = await generate([{ name: 'commonName', value: 'Smartpay sandbox (127.0.0.1)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  })
  return { key: pems.private, cert: pems.cert }
}
