/**
 * Embedded OCSP responses (XAdES-LT RevocationValues, PAdES DSS): the response's signature, its
 * responder (the issuing CA itself, or a responder certificate the CA issued for OCSP signing) and
 * the certStatus of the signer's certificate.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { cmsSignatureAlgorithm, hashForOid, publicKeyFromSpki, verifySignatureValue } from '@/lib/documents/algorithms';
import { EKU_OCSP_SIGNING, extendedKeyUsage, isIssuedBy, parseCert, type Cert } from './x509';

export type OcspFinding = {
  status: 'good' | 'revoked' | 'unknown' | 'invalid';
  producedAt: Date | null;
  revokedAt: Date | null;
  responder: string | null;
  detail: string;
};

function matchesCertId(id: pkijs.CertID, cert: Cert, issuer: Cert): boolean {
  const hash = hashForOid(id.hashAlgorithm.algorithmId);
  if (!hash) return false;
  const nameHash = createHash(hash).update(Buffer.from(issuer.subjectDer, 'hex')).digest();
  const keyHash = createHash(hash).update(new Uint8Array(issuer.cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)).digest();
  return (
    Buffer.compare(nameHash, Buffer.from(id.issuerNameHash.valueBlock.valueHexView)) === 0 &&
    Buffer.compare(keyHash, Buffer.from(id.issuerKeyHash.valueBlock.valueHexView)) === 0 &&
    id.serialNumber.isEqual(cert.cert.serialNumber)
  );
}

/**
 * Reads the responses for `cert` (issued by `issuer`) among `responses` (DER OCSPResponse). Returns
 * null when none concerns this certificate. A response whose signature or responder does not verify
 * is `invalid` (and says why).
 */
export function checkOcsp(responses: Uint8Array[], cert: Cert, issuer: Cert): OcspFinding | null {
  let best: OcspFinding | null = null;
  for (const der of responses) {
    let finding: OcspFinding | null;
    try {
      finding = checkOne(der, cert, issuer);
    } catch (e) {
      finding = {
        status: 'invalid',
        producedAt: null,
        revokedAt: null,
        responder: null,
        detail: `OCSP response not readable: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
    if (!finding) continue;
    // A verified answer beats an invalid one; revoked beats good.
    if (!best || (best.status === 'invalid' && finding.status !== 'invalid') || finding.status === 'revoked') best = finding;
  }
  return best;
}

function checkOne(der: Uint8Array, cert: Cert, issuer: Cert): OcspFinding | null {
  const resp = pkijs.OCSPResponse.fromBER(der.slice().buffer);
  const bytes = resp.responseBytes;
  if (!bytes || bytes.responseType !== '1.3.6.1.5.5.7.48.1.1') return null;
  const basicDer = new Uint8Array(bytes.response.valueBlock.valueHexView);
  const basic = pkijs.BasicOCSPResponse.fromBER(basicDer.slice().buffer);
  const single = basic.tbsResponseData.responses.find((r) => matchesCertId(r.certID, cert, issuer));
  if (!single) return null;
  const producedAt = basic.tbsResponseData.producedAt;
  const parsed = asn1js.fromBER(basicDer.slice().buffer);
  const tbs = parsed.result instanceof asn1js.Sequence ? parsed.result.valueBlock.value[0] : undefined;
  const tbsDer = tbs ? new Uint8Array(tbs.valueBeforeDecodeView) : new Uint8Array();
  const candidates = [issuer, ...(basic.certs ?? []).map((c) => parseCert(new Uint8Array(c.toSchema().toBER(false)))).filter((c): c is Cert => c !== null)];
  const alg = cmsSignatureAlgorithm(basic.signatureAlgorithm.algorithmId, basic.signatureAlgorithm.algorithmParams as asn1js.AsnType | undefined, '');
  const base = { producedAt, revokedAt: null, responder: null as string | null };
  if (!alg) return { ...base, status: 'invalid', detail: `unsupported OCSP signature algorithm ${basic.signatureAlgorithm.algorithmId}` };
  const signature = new Uint8Array(basic.signature.valueBlock.valueHexView);
  const signer = candidates.find((c) => {
    try {
      return verifySignatureValue({ alg, key: publicKeyFromSpki(c.spkiDer), data: tbsDer, signature, ecdsaEncoding: 'der' }).valid;
    } catch {
      return false;
    }
  });
  if (!signer) return { ...base, status: 'invalid', detail: 'OCSP response signature does not verify with the issuer or an embedded responder certificate' };
  const authorised = signer === issuer || (isIssuedBy(signer, issuer) && extendedKeyUsage(signer).includes(EKU_OCSP_SIGNING));
  if (!authorised) return { ...base, responder: signer.cn, status: 'invalid', detail: `OCSP responder "${signer.cn}" is not authorised by the issuing CA` };
  const status = single.certStatus as asn1js.AsnType & { idBlock: { tagNumber: number } };
  const tag = status.idBlock.tagNumber;
  if (tag === 0) return { ...base, responder: signer.cn, status: 'good', detail: 'certStatus good' };
  if (tag === 1) {
    const inner = (status as asn1js.Constructed).valueBlock?.value?.[0];
    const revokedAt = inner instanceof asn1js.GeneralizedTime ? inner.toDate() : null;
    return { ...base, responder: signer.cn, revokedAt, status: 'revoked', detail: `certStatus revoked${revokedAt ? ` at ${revokedAt.toISOString()}` : ''}` };
  }
  return { ...base, responder: signer.cn, status: 'unknown', detail: 'certStatus unknown' };
}
