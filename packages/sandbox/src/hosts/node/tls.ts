import { generate } from 'selfsigned'

/** The server's key and certificate chain, and the CA that signed it. */
export interface SandboxCertificate {
  /** Private key of the server certificate. */
  key: string
  /** The server certificate followed by the CA certificate (the chain TLS sends). */
  cert: string
  /** The CA certificate alone: what clients trust. */
  ca: string
}

const days = (n: number) => new Date(Date.now() + n * 24 * 60 * 60 * 1000)

/**
 * Generates a throwaway CA and, signed by it, a server certificate for `IP:127.0.0.1` and
 * `DNS:localhost`. Two certificates rather than one self-signed CA-as-server certificate,
 * because strict TLS stacks (Deno's rustls) refuse a CA certificate used as the end entity.
 */
export async function createCertificate(): Promise<SandboxCertificate> {
  const authority = await generate([{ name: 'commonName', value: 'Smartpay sandbox local CA' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: days(30),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  })
  const server = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: days(30),
    ca: { key: authority.private, cert: authority.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
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
  return {
    key: server.private,
    cert: `${server.cert.trim()}\n${authority.cert.trim()}\n`,
    ca: authority.cert,
  }
}
