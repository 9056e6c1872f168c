/**
 * What the public may see of a signature (ADR 0220, GDPR data minimisation): the signer's name,
 * never the personal identification code or serial number a signing certificate carries.
 *
 * The rule, for every response served without sign-in:
 * 1. the certificate's given name and surname (subject GN and SN), "GN SN", when both are present;
 * 2. else its common name with every word that contains a digit removed (a personal code
 *    `DDMMYY-NNNNN`, `PNOLV-DDMMYY-NNNNN`, an Estonian 11-digit code, `PNOEE-…`, a serial number);
 *    list separators left empty are dropped;
 * 3. else nothing (shown as "unknown").
 * Staff and the municipality's own secretary keep the full certificate facts (they read the
 * stored inspection directly); the public pages read only what these functions return.
 */
import type { SignatureInfo } from './types';
import type { TrustVerdict } from '@/lib/trust/types';

/** Attributes of an RFC 4514 string (as lib/documents/cms.ts writes it), unescaped; repeated types keep the first. */
export function dnAttributes(dn: string): Map<string, string> {
  const out = new Map<string, string>();
  let key = '';
  let value = '';
  let inValue = false;
  const flush = () => {
    if (key && !out.has(key)) out.set(key, value.trim());
    key = '';
    value = '';
    inValue = false;
  };
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i];
    if (c === '\\' && i + 1 < dn.length) {
      if (inValue) value += dn[i + 1];
      else key += dn[i + 1];
      i++;
    } else if (c === '=' && !inValue) inValue = true;
    else if (c === ',' || c === '+') flush();
    else if (inValue) value += c;
    else key += c;
  }
  flush();
  return out;
}

/** A common name without anything that looks like a personal or serial number; null when nothing is left. */
export function stripIdentifiers(cn: string): string | null {
  const parts = cn
    .split(/[,;]/)
    .map((part) =>
      part
        .split(/\s+/)
        .filter((word) => word !== '' && !/\d/.test(word))
        .join(' '),
    )
    .filter((part) => part !== '');
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The signer's name as the public sees it (the rule above). */
export function publicSignerName(sig: Pick<SignatureInfo, 'signerName' | 'signerSubject'>): string | null {
  const attrs = sig.signerSubject ? dnAttributes(sig.signerSubject) : new Map<string, string>();
  const given = attrs.get('GN');
  const surname = attrs.get('SN');
  if (given && surname) return stripIdentifiers(`${given} ${surname}`);
  const cn = attrs.get('CN') ?? sig.signerName;
  return cn ? stripIdentifiers(cn) : null;
}

/** A signature as served to the public: the public name, no subject, certificates or revocation data. */
export function publicSignature(sig: SignatureInfo): SignatureInfo {
  return {
    format: sig.format,
    signerName: publicSignerName(sig),
    signerSubject: null,
    issuer: sig.issuer,
    signingTime: sig.signingTime,
    hasTimestamp: sig.hasTimestamp,
    timestampTime: sig.timestampTime,
    integrity: sig.integrity,
    algorithm: sig.algorithm,
    unsupportedAlgorithm: sig.unsupportedAlgorithm,
    coversWholeDocument: sig.coversWholeDocument,
  };
}

/** A stored document inspection as served to the public: its kind, warnings and public signatures. */
export function publicInspection(inspection: unknown): { kind: 'pdf' | 'asice'; warnings: string[]; signatures: SignatureInfo[] } | null {
  if (!inspection || typeof inspection !== 'object') return null;
  const i = inspection as { kind?: 'pdf' | 'asice'; warnings?: string[]; signatures?: SignatureInfo[] };
  return { kind: i.kind ?? 'pdf', warnings: i.warnings ?? [], signatures: (i.signatures ?? []).map(publicSignature) };
}

/**
 * A verdict as served to the public: status, reason, list and times; of its facts only the public
 * signer name, the issuer and the signature time (the chain, notes and OCSP responder name the
 * signer's certificate by its common name).
 */
export function publicVerdict(v: TrustVerdict, sig: Pick<SignatureInfo, 'signerName' | 'signerSubject'> | undefined): TrustVerdict {
  const f = v.facts;
  return {
    status: v.status,
    reason: v.reason,
    algorithm: v.algorithm,
    list: v.list,
    computedAt: v.computedAt,
    listOutdated: v.listOutdated,
    facts: {
      signer: sig ? publicSignerName(sig) : null,
      issuer: f.issuer,
      signatureTime: f.signatureTime,
      signatureTimeSource: f.signatureTimeSource,
    },
  };
}

/** Documents as served to the public, with their verdicts (keyed by document id) made public alike. */
export function publicDocuments<D extends { id: string; inspection: unknown }>(
  documents: D[],
  verdicts: Map<string, TrustVerdict[]>,
  out: Map<string, TrustVerdict[]>,
): D[] {
  return documents.map((d) => {
    const signatures = (d.inspection as { signatures?: SignatureInfo[] } | null)?.signatures ?? [];
    const vs = verdicts.get(d.id);
    if (vs)
      out.set(
        d.id,
        vs.map((v, i) => publicVerdict(v, signatures[i])),
      );
    return { ...d, inspection: publicInspection(d.inspection) };
  });
}
