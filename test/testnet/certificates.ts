/**
 * Test certificates made with the openssl command line in a temporary directory:
 * a test CA, leaf certificates it signs (valid, expired, for the wrong host) and
 * self-signed ones. `openssl ca` is used because it accepts arbitrary validity dates.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const DAY_MS = 86_400_000;

export interface CertificateAndKey {
  certPem: string;
  keyPem: string;
}

export interface LeafRequest {
  /** DNS names and/or IP addresses for subjectAltName; the first is also the common name. */
  names: string[];
  notBefore?: Date;
  notAfter?: Date;
}

export interface TestCertificateAuthority {
  certPem: string;
  issue(request: LeafRequest): Promise<CertificateAndKey>;
  selfSigned(request: LeafRequest): Promise<CertificateAndKey>;
  dispose(): Promise<void>;
}

function subjectAltName(names: string[]): string {
  return names.map((name) => (isIP(name) ? `IP:${name}` : `DNS:${name}`)).join(',');
}

/** openssl's GeneralizedTime: YYYYMMDDHHMMSSZ. */
function asn1Time(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

function caConfig(dir: string): string {
  return [
    '[ca]',
    'default_ca = test_ca',
    '[test_ca]',
    `database = ${dir}/index.txt`,
    `new_certs_dir = ${dir}/issued`,
    `serial = ${dir}/serial`,
    `certificate = ${dir}/ca.pem`,
    `private_key = ${dir}/ca.key`,
    'default_md = sha256',
    'policy = any_name',
    'unique_subject = no',
    'copy_extensions = none',
    'email_in_dn = no',
    '[any_name]',
    'commonName = supplied',
    '',
  ].join('\n');
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export interface TestCaOptions {
  /**
   * The CA's subject, e.g. "/O=Let's Encrypt/CN=Test R1", so checks that name the issuing
   * authority (CAA, renewal) see a known organisation. Default "/CN=Launch Ready Test CA".
   */
  subject?: string;
}

export async function createTestCertificateAuthority(options: TestCaOptions = {}): Promise<TestCertificateAuthority> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lr-testca-'));
  await mkdir(path.join(dir, 'issued'));
  await writeFile(path.join(dir, 'index.txt'), '');
  await writeFile(path.join(dir, 'serial'), '1000\n');
  await writeFile(path.join(dir, 'ca.cnf'), caConfig(dir));
  await run('openssl', [
    'req', '-x509', ...EC_KEY, '-keyout', `${dir}/ca.key`, '-out', `${dir}/ca.pem`, '-days', '30',
    '-subj', options.subject ?? '/CN=Launch Ready Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const certPem = await readFile(path.join(dir, 'ca.pem'), 'utf8');
  let counter = 0;

  const issueLeaf = async ({ names, notBefore = new Date(Date.now() - DAY_MS), notAfter = new Date(Date.now() + 90 * DAY_MS) }: LeafRequest) => {
    const base = path.join(dir, `leaf-${++counter}`);
    await writeFile(`${base}.ext`, `basicConstraints = CA:FALSE\nextendedKeyUsage = serverAuth\nsubjectAltName = ${subjectAltName(names)}\n`);
    await run('openssl', ['req', '-new', ...EC_KEY, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${names[0] ?? 'test'}`]);
    await run('openssl', [
      'ca', '-batch', '-config', `${dir}/ca.cnf`, '-in', `${base}.csr`, '-out', `${base}.pem`, '-notext',
      '-startdate', asn1Time(notBefore), '-enddate', asn1Time(notAfter), '-extfile', `${base}.ext`,
    ]);
    return { certPem: await readFile(`${base}.pem`, 'utf8'), keyPem: await readFile(`${base}.key`, 'utf8') };
  };

  // `openssl ca` rewrites its serial and index files, so leaves are issued one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    certPem,
    issue: (request) => serialised(() => issueLeaf(request)),
    async selfSigned({ names }) {
      const base = path.join(dir, `self-${++counter}`);
      await run('openssl', [
        'req', '-x509', ...EC_KEY, '-keyout', `${base}.key`, '-out', `${base}.pem`, '-days', '30',
        '-subj', `/CN=${names[0] ?? 'test'}`, '-addext', `subjectAltName=${subjectAltName(names)}`,
      ]);
      return { certPem: await readFile(`${base}.pem`, 'utf8'), keyPem: await readFile(`${base}.key`, 'utf8') };
    },
    async dispose() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
