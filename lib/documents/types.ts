/**
 * Shared result types of the upload inspection library (`lib/documents/inspect.ts`).
 * Kept in a separate module so that helpers can import them without a cycle.
 */

/** Hard upper bound for an uploaded council decision (25 MiB). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Why an upload was refused; each value maps to one user-facing message. */
export type RejectReason =
  | 'empty'
  | 'not_pdf'
  | 'unsupported_type'
  | 'truncated'
  | 'corrupt'
  | 'encrypted_needs_password'
  | 'too_large'
  | 'signature_invalid'
  | 'container_malformed'
  | 'container_mimetype_missing'
  | 'container_mimetype_misplaced'
  | 'no_xref';

/** Accepted-but-flagged properties of an upload. */
export type UploadWarning =
  | 'javascript'
  | 'launch_action'
  | 'embedded_file'
  | 'encrypted_owner_only'
  | 'structure_repaired'
  | 'timestamp_invalid'
  | 'container_unsigned'
  | 'signature_unchecked';

/**
 * One digital signature found in the upload. `integrity` only says that the signed bytes and the
 * signature value match the certificate embedded in the signature; the certificate chain to a
 * (qualified) trust anchor, revocation and the EU trusted list are NOT checked.
 */
export type SignatureInfo = {
  format: 'pades' | 'xades';
  /** CN of the signer certificate (or the full subject if it has no CN). */
  signerName: string | null;
  /** Full subject of the signer certificate, RFC 4514 style. */
  signerSubject: string | null;
  /** Issuer CN (or full issuer subject if it has no CN). */
  issuer: string | null;
  /** ISO 8601, from the signed attributes (PAdES: signingTime, else /M) or XAdES SigningTime. */
  signingTime: string | null;
  /** A signature time-stamp token is present. */
  hasTimestamp: boolean;
  /** genTime of the time-stamp token, when it could be parsed. */
  timestampTime: string | null;
  /**
   * intact: digest over the signed data and the signature value both verify with the embedded
   * certificate; mismatch: they do not; unknown: the algorithm is not supported (or a library
   * failed), so staff must check the signature by hand.
   */
  integrity: 'intact' | 'mismatch' | 'unknown';
  /** Signature algorithm label ("RSA PKCS#1 v1.5 / SHA-256"), or its URI/OID when unsupported. */
  algorithm?: string | null;
  /** Set when integrity is unknown because of the algorithm: its XML URI or OID. */
  unsupportedAlgorithm?: string;
  /** Signer certificate (base64 DER) and the other certificates the signature carries, for the trust check. */
  certificates?: { signer: string | null; others: string[] };
  /** Time-stamp facts for the trust check: TSA certificate chain (base64 DER) and whether the token verified. */
  timestamp?: { tsaCertificate: string | null; others: string[]; valid: boolean } | null;
  /** Embedded revocation data (base64 DER OCSPResponse) carried by the signature (XAdES-LT / PAdES DSS). */
  ocspResponses?: string[];
  /** Trust verdict, filled in by lib/trust after the integrity checks. */
  trust?: import('@/lib/trust/types').TrustVerdict;
  /** PDF: ByteRange reaches the end of the file; ASiC-E: every data file is covered. */
  coversWholeDocument: boolean;
  /** ASiC-E: names of the data files this signature covers. */
  coveredFiles?: string[];
  /** Short English technical note for logs. */
  detail?: string;
};

/** Outcome of {@link inspectDocument}. */
export type InspectResult =
  | {
      ok: true;
      kind: 'pdf' | 'asice';
      mediaType: 'application/pdf' | 'application/vnd.etsi.asic-e+zip';
      warnings: UploadWarning[];
      signatures: SignatureInfo[];
      pageCount?: number;
      dataFiles?: string[];
    }
  | { ok: false; reason: RejectReason; detail?: string };

/** Internal: a rejection raised deep inside a parser and turned into an InspectResult at the top. */
export class InspectRejection extends Error {
  constructor(
    readonly reason: RejectReason,
    detail: string,
  ) {
    super(detail);
    this.name = 'InspectRejection';
  }
}
