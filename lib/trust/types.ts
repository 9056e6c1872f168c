/**
 * Trust verdict of one signature, modelled on the EU DSS simple report (TOTAL-PASSED /
 * INDETERMINATE / TOTAL-FAILED plus the signature's qualification), evaluated offline against the
 * Latvian trusted list (ETSI TS 119 612).
 */

/** The one verdict per signature. */
export type TrustStatus = 'qualified_trusted' | 'trusted_not_qualified' | 'untrusted_issuer' | 'integrity_failed' | 'indeterminate';

/** Why a verdict is indeterminate (DSS sub-indications, in our words). */
export type IndeterminateReason =
  | 'unsupported_algorithm'
  | 'no_signer_certificate'
  | 'certificate_expired'
  | 'certificate_not_yet_valid'
  | 'service_not_granted'
  | 'revoked'
  | 'revocation_unknown'
  | 'no_signing_time'
  | 'chain_invalid'
  | 'weak_algorithm';

/** The facts that led to the verdict (all optional: a fact we could not establish stays absent). */
export type TrustFacts = {
  signer?: string | null;
  issuer?: string | null;
  /** The time the checks were made at, and where it came from. */
  signatureTime?: string | null;
  signatureTimeSource?: 'timestamp' | 'claimed' | 'none';
  /** Chain from the signer up to the listed certificate (subject CNs). */
  chain?: string[];
  /** The listed certificate the chain ends at, and its trust service. */
  trustAnchor?: string | null;
  service?: { name: string; type: string; status: string; statusSince: string; provider: string } | null;
  /** Qualified certificate facts. */
  qcCompliance?: boolean;
  qcSscd?: boolean;
  qualifiedBy?: 'certificate' | 'service' | 'both' | null;
  certificateValid?: { notBefore: string; notAfter: string };
  /** Time-stamp authority on the list (TSA/QTST), when there is a time stamp. */
  timestampAuthority?: { name: string; listed: boolean; qualified: boolean } | null;
  /** Embedded OCSP response, when present. */
  ocsp?: { status: 'good' | 'revoked' | 'unknown' | 'invalid'; producedAt: string | null; responder: string | null; detail: string } | null;
  /** Free-form notes for staff (English, technical). */
  notes?: string[];
};

/** Trust verdict stored with the document (never recomputed silently: it names its list and time). */
export type TrustVerdict = {
  status: TrustStatus;
  reason?: IndeterminateReason;
  /** XML URI or OID when the reason is unsupported_algorithm. */
  algorithm?: string;
  facts: TrustFacts;
  list: { sequenceNumber: number; issueDate: string; nextUpdate: string | null; sha256: string; source: 'bundled' | 'downloaded' };
  /** When the verdict was computed (ISO 8601). */
  computedAt: string;
  /** The list's NextUpdate had passed when the verdict was computed. */
  listOutdated: boolean;
};
