/**
 * One trust verdict per signature, offline, against one trusted list (modelled on the EU DSS simple
 * report; see docs/adr/0110-signature-trust-verdicts.md and 0111-sha1-certificates.md):
 *
 * 1. integrity (from the inspection): mismatch → integrity_failed; unsupported → indeterminate.
 * 2. best signature time: the time stamp's genTime when the token verifies and its TSA chains to a
 *    TSA service of the list that was in a positive status then; else the claimed signing time.
 * 3. chain: from the signer up through the certificates the signature carries to a certificate of
 *    the list, each link checked by the issuer's key (certificates are matched, never names).
 * 4. at the best signature time: certificate validity, embedded OCSP (signature, responder,
 *    certStatus), the issuing service's status from its history, the SHA-1 policy, and whether
 *    the certificate is qualified (QcStatements + the service's qualifiers) on a QSCD.
 */
import type { SignatureInfo } from '@/lib/documents/types';
import { checkOcsp, type OcspFinding } from './ocsp';
import { isPositiveStatus, isQualifiedStatus, periodAt, type Criteria, type StatusPeriod, type TrustedList, type TrustService } from './tsl';
import {
  certAlgorithmLabel,
  certSignatureAlgorithm,
  isIssuedBy,
  keyUsage,
  parseCert,
  policies,
  qcStatements,
  QC_COMPLIANCE,
  QC_SSCD,
  sameKeyAndSubject,
  type Cert,
} from './x509';
import type { IndeterminateReason, TrustFacts, TrustVerdict } from './types';

/** SHA-1 retirement for certificate signatures (DSS default policy: AlgoExpirationDate SHA1 2009). */
export const SHA1_EXPIRY = new Date('2009-01-01T00:00:00Z');

/** Where the list came from, stored with the verdict. */
export type ListSource = { list: TrustedList; source: 'bundled' | 'downloaded' };

type Anchor = { cert: Cert; service: TrustService };

const MAX_CHAIN = 8;

function decode(b64: string | null | undefined): Uint8Array | null {
  return b64 ? new Uint8Array(Buffer.from(b64, 'base64')) : null;
}

const parsedAnchors = new WeakMap<TrustedList, Anchor[]>();

/** Listed certificates (each with its service) whose service type matches `typeFilter`; parsed once per list. */
function anchorsOf(list: TrustedList, typeFilter: (type: string) => boolean): Anchor[] {
  let all = parsedAnchors.get(list);
  if (!all) {
    all = list.services
      .flatMap((service) => service.certificates.map((der) => ({ cert: parseCert(der), service })))
      .filter((a): a is Anchor => a.cert !== null);
    parsedAnchors.set(list, all);
  }
  return all.filter((a) => typeFilter(a.service.type));
}

/** Builds the chain from `leaf` to a listed certificate; `anchors` are every listed certificate that fits. */
function buildChain(leaf: Cert, pool: Cert[], anchors: Anchor[]): { chain: Cert[]; anchors: Anchor[] } {
  const chain: Cert[] = [leaf];
  let current = leaf;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    const listed = anchors.filter((a) => sameKeyAndSubject(a.cert, current));
    if (listed.length > 0) return { chain, anchors: listed };
    const issuing = anchors.filter((a) => isIssuedBy(current, a.cert));
    if (issuing.length > 0) return { chain: [...chain, issuing[0]!.cert], anchors: issuing };
    const parent = pool.find((p) => !chain.includes(p) && isIssuedBy(current, p));
    if (!parent || sameKeyAndSubject(parent, current)) return { chain, anchors: [] };
    chain.push(parent);
    current = parent;
  }
  return { chain, anchors: [] };
}

/** Of several listed matches, the one whose service was in the best status at `at` (qualified, then positive). */
function pickAnchor(anchors: Anchor[], at: Date): { anchor: Anchor; period: StatusPeriod | null } | null {
  const scored = anchors.map((anchor) => {
    const period = periodAt(anchor.service, at);
    const score = !period ? 0 : isQualifiedStatus(period.status) ? 3 : isPositiveStatus(period.status) ? 2 : 1;
    return { anchor, period, score };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored[0] ?? null;
}

function criteriaMatch(c: Criteria, cert: Cert): boolean {
  const ku = keyUsage(cert);
  const pol = new Set(policies(cert));
  const tests = [...c.keyUsage.map((group) => group.every((b) => ku.has(b.bit) === b.value)), ...c.policies.map((set) => set.every((p) => pol.has(p)))];
  if (tests.length === 0) return true;
  if (c.assert === 'all') return tests.every(Boolean);
  if (c.assert === 'none') return !tests.some(Boolean);
  return tests.some(Boolean);
}

/** Qualifiers of the period that apply to `cert`. */
function qualifiersFor(period: StatusPeriod, cert: Cert): Set<string> {
  return new Set(period.qualifications.filter((q) => criteriaMatch(q.criteria, cert)).flatMap((q) => q.qualifiers));
}

/** True when a certificate in the chain (not the listed one) was signed with SHA-1 after its retirement. */
function weakCertificate(chain: Cert[], anchorCert: Cert | null): Cert | null {
  for (const c of chain) {
    if (anchorCert && sameKeyAndSubject(c, anchorCert)) continue;
    if (certSignatureAlgorithm(c)?.hash === 'sha1' && c.notBefore.getTime() >= SHA1_EXPIRY.getTime()) return c;
  }
  return null;
}

function timestampFacts(sig: SignatureInfo, list: TrustedList): { time: Date | null; facts: TrustFacts['timestampAuthority']; note: string | null } {
  const ts = sig.timestamp;
  if (!ts || !sig.timestampTime) return { time: null, facts: null, note: null };
  const tsaDer = decode(ts.tsaCertificate);
  const tsa = tsaDer ? parseCert(tsaDer) : null;
  if (!tsa) return { time: null, facts: null, note: 'time stamp without a readable TSA certificate' };
  const genTime = new Date(sig.timestampTime);
  const pool = ts.others
    .map(decode)
    .filter((d): d is Uint8Array => d !== null)
    .map(parseCert)
    .filter((c): c is Cert => c !== null);
  const { anchors } = buildChain(
    tsa,
    pool,
    anchorsOf(list, (t) => t.startsWith('TSA')),
  );
  const picked = pickAnchor(anchors, genTime);
  const listed = picked !== null && picked.period !== null && isPositiveStatus(picked.period.status);
  const qualified = listed && picked?.anchor.service.type === 'TSA/QTST' && picked.period?.status === 'granted';
  const facts = { name: tsa.cn, listed, qualified };
  if (!ts.valid) return { time: null, facts, note: 'the time stamp does not verify; the claimed signing time is used' };
  if (!listed)
    return {
      time: null,
      facts,
      note: `time-stamp authority "${tsa.cn}" is not on the trusted list at ${genTime.toISOString()}; the claimed signing time is used`,
    };
  return { time: genTime, facts, note: null };
}

/**
 * The trust verdict of one signature against `source.list`, computed at `now`. Pure: the same
 * inputs give the same verdict; it names the list (sequence number, issue date) it used.
 */
export function evaluateSignatureTrust(sig: SignatureInfo, source: ListSource, now: Date): TrustVerdict {
  const { list } = source;
  const base = verdictBase(source, now);
  const facts: TrustFacts = { signer: sig.signerName, issuer: sig.issuer, notes: [] };
  const notes = facts.notes!;
  if (sig.integrity === 'mismatch') return { ...base, status: 'integrity_failed', facts: { ...facts, notes: [sig.detail ?? 'signature does not verify'] } };
  if (sig.integrity === 'unknown')
    return {
      ...base,
      status: 'indeterminate',
      reason: 'unsupported_algorithm',
      ...(sig.unsupportedAlgorithm ? { algorithm: sig.unsupportedAlgorithm } : {}),
      facts: { ...facts, notes: [sig.detail ?? ''] },
    };

  const signer = signerCertificate(sig, facts);
  if (!signer) return { ...base, status: 'indeterminate', reason: 'no_signer_certificate', facts };

  const at = bestSignatureTime(sig, list, now, facts);
  const built = buildChain(signer, carriedCertificates(sig), anchorsOf(list, isNotTsa));
  facts.chain = built.chain.map((c) => c.cn);
  const picked = pickAnchor(built.anchors, at);
  if (!picked) {
    const selfSigned = signer.subjectDer === signer.issuerDer;
    notes.push(selfSigned ? 'self-signed certificate' : `no certificate of the trusted list (No. ${list.sequenceNumber}) issued this chain`);
    return { ...base, status: 'untrusted_issuer', facts };
  }
  const { anchor, period } = picked;
  facts.trustAnchor = anchor.cert.cn;
  facts.service = { name: anchor.service.name, type: anchor.service.type, provider: anchor.service.provider, ...serviceStatus(period) };

  const problem = validityProblem(built.chain, anchor.cert, at) ?? revocationProblem(sig, signer, built.chain[1] ?? null, at, facts);
  if (problem) return verdictIndeterminate(base, facts, problem.reason, problem.note);

  if (!period || !isPositiveStatus(period.status)) {
    notes.push(
      period
        ? `the issuing service "${anchor.service.name}" was ${period.status} since ${period.from.toISOString()}`
        : `the issuing service "${anchor.service.name}" was not on the list yet`,
    );
    return { ...base, status: 'untrusted_issuer', facts };
  }

  const qualified = qualifiedOnQscd(anchor, period, signer, facts);
  const weak = weakCertificate(built.chain, anchor.cert);
  if (weak)
    return verdictIndeterminate(
      base,
      facts,
      'weak_algorithm',
      `${weak.cn} is signed with ${certAlgorithmLabel(weak)}, issued ${weak.notBefore.toISOString().slice(0, 10)}, after SHA-1 was retired for certificates (2009)`,
    );
  return { ...base, status: qualified ? 'qualified_trusted' : 'trusted_not_qualified', facts };
}

/** What every verdict names: the list it used (sequence number, issue date, digest, where it came from) and when it was computed. */
function verdictBase(source: ListSource, now: Date): Omit<TrustVerdict, 'status' | 'facts'> {
  const { list } = source;
  const listInfo = {
    sequenceNumber: list.sequenceNumber,
    issueDate: list.issueDate.toISOString(),
    nextUpdate: list.nextUpdate?.toISOString() ?? null,
    sha256: list.sha256,
    source: source.source,
  };
  return { list: listInfo, computedAt: now.toISOString(), listOutdated: list.nextUpdate !== null && list.nextUpdate.getTime() < now.getTime() };
}

/** The signer's certificate, its validity and its QcStatements recorded in `facts`; null when the signature carries none that parses. */
function signerCertificate(sig: SignatureInfo, facts: TrustFacts): Cert | null {
  const signerDer = decode(sig.certificates?.signer);
  const signer = signerDer ? parseCert(signerDer) : null;
  if (!signer) return null;
  facts.certificateValid = { notBefore: signer.notBefore.toISOString(), notAfter: signer.notAfter.toISOString() };
  const qc = qcStatements(signer);
  facts.qcCompliance = qc.includes(QC_COMPLIANCE);
  facts.qcSscd = qc.includes(QC_SSCD);
  return signer;
}

/** The other certificates the signature carries (the chain is built from them, never from names). */
function carriedCertificates(sig: SignatureInfo): Cert[] {
  return (sig.certificates?.others ?? []).flatMap((b64) => {
    const der = decode(b64);
    const cert = der ? parseCert(der) : null;
    return cert ? [cert] : [];
  });
}

const isNotTsa = (type: string) => !type.startsWith('TSA');

/** The issuing service's status at the signature time, as the verdict shows it. */
function serviceStatus(period: StatusPeriod | null): { status: string; statusSince: string } {
  return period ? { status: period.status, statusSince: period.from.toISOString() } : { status: 'not yet listed', statusSince: '' };
}

/** Step 2: the best signature time (a verified, listed time stamp, else the claimed signing time, else now); recorded in `facts`. */
function bestSignatureTime(sig: SignatureInfo, list: TrustedList, now: Date, facts: TrustFacts): Date {
  const ts = timestampFacts(sig, list);
  facts.timestampAuthority = ts.facts;
  if (ts.note) facts.notes!.push(ts.note);
  const claimed = sig.signingTime ? new Date(sig.signingTime) : null;
  const at = ts.time ?? claimed ?? now;
  facts.signatureTime = at.toISOString();
  facts.signatureTimeSource = ts.time ? 'timestamp' : claimed ? 'claimed' : 'none';
  return at;
}

type Problem = { reason: IndeterminateReason; note: string };

/** Step 4a: every certificate of the chain valid at the signature time (the listed certificate itself is a trust anchor). */
function validityProblem(chain: Cert[], anchorCert: Cert, at: Date): Problem | null {
  for (const c of chain) {
    if (sameKeyAndSubject(c, anchorCert)) continue;
    if (at < c.notBefore) return { reason: 'certificate_not_yet_valid', note: `${c.cn} is valid only from ${c.notBefore.toISOString()}` };
    if (at > c.notAfter) return { reason: 'certificate_expired', note: `${c.cn} expired on ${c.notAfter.toISOString()}, before the signature time` };
  }
  return null;
}

/** Step 4b: the embedded OCSP responses for the signer's certificate (recorded in `facts`); revoked by the signature time is a problem. */
function revocationProblem(sig: SignatureInfo, signer: Cert, issuerCert: Cert | null, at: Date, facts: TrustFacts): Problem | null {
  const ocspDer = (sig.ocspResponses ?? []).map(decode).filter((d): d is Uint8Array => d !== null);
  const ocsp: OcspFinding | null = issuerCert && ocspDer.length > 0 ? checkOcsp(ocspDer, signer, issuerCert) : null;
  facts.ocsp = ocsp ? { status: ocsp.status, producedAt: ocsp.producedAt?.toISOString() ?? null, responder: ocsp.responder, detail: ocsp.detail } : null;
  if (ocsp?.status === 'revoked' && (!ocsp.revokedAt || ocsp.revokedAt.getTime() <= at.getTime())) {
    return { reason: 'revoked', note: `the signer's certificate was revoked${ocsp.revokedAt ? ` on ${ocsp.revokedAt.toISOString()}` : ''}` };
  }
  if (ocsp?.status === 'invalid') facts.notes!.push(`embedded OCSP response ignored: ${ocsp.detail}`);
  return null;
}

/** Step 4c: a qualified certificate (its QcStatements and/or the service's qualifiers) with its key on a QSCD; recorded in `facts`. */
function qualifiedOnQscd(anchor: Anchor, period: StatusPeriod, signer: Cert, facts: TrustFacts): boolean {
  const qualifiers = qualifiersFor(period, signer);
  const qcByCert = facts.qcCompliance === true;
  const qcByService = qualifiers.has('QCStatement');
  const isQc = anchor.service.type === 'CA/QC' && isQualifiedStatus(period.status) && (qcByCert || qcByService) && !qualifiers.has('NotQualified');
  const onQscd =
    (facts.qcSscd === true || qualifiers.has('QCWithSSCD') || qualifiers.has('QCWithQSCD')) && !qualifiers.has('QCNoSSCD') && !qualifiers.has('QCNoQSCD');
  facts.qualifiedBy = isQc ? (qcByCert && qcByService ? 'both' : qcByCert ? 'certificate' : 'service') : null;
  if (isQc && !onQscd)
    facts.notes!.push('qualified certificate, but neither the certificate nor the list says its key is on a qualified signature creation device');
  return isQc && onQscd;
}

function verdictIndeterminate(base: Omit<TrustVerdict, 'status' | 'facts'>, facts: TrustFacts, reason: IndeterminateReason, note: string): TrustVerdict {
  return { ...base, status: 'indeterminate', reason, facts: { ...facts, notes: [...(facts.notes ?? []), note] } };
}
