/**
 * Generated ETSI TS 119 612 trusted lists for the trust tests: services with their certificate,
 * type and status history; optionally signed (enveloped XAdES-style signature made with xmldsigjs)
 * by a test scheme-operator key.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { setNodeDependencies } from 'xadesjs';
import * as xmldsig from 'xmldsigjs';
import { b64, type TestCert } from './pki';

export type TestService = {
  name: string;
  type: 'CA/QC' | 'CA/PKC' | 'TSA/QTST' | 'TSA/TSS-QC';
  cert: TestCert;
  /** Newest first or any order: [status, from]. */
  history: [status: string, from: string][];
  qualifiers?: string[];
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The list XML (unsigned). */
export function buildTsl(opts: { sequenceNumber: number; issueDate: string; nextUpdate: string; services: TestService[] }): string {
  const services = opts.services
    .map((s) => {
      const sorted = [...s.history].sort((a, b) => b[1].localeCompare(a[1]));
      const [current, ...older] = sorted;
      const ext = s.qualifiers?.length
        ? `<ServiceInformationExtensions><Extension Critical="true"><ns5:Qualifications xmlns:ns5="http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#"><ns5:QualificationElement><ns5:Qualifiers>${s.qualifiers.map((q) => `<ns5:Qualifier uri="http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/${q}"/>`).join('')}</ns5:Qualifiers><ns5:CriteriaList assert="atLeastOne"><ns5:KeyUsage><ns5:KeyUsageBit name="nonRepudiation">true</ns5:KeyUsageBit></ns5:KeyUsage></ns5:CriteriaList></ns5:QualificationElement></ns5:Qualifications></Extension></ServiceInformationExtensions>`
        : '';
      const info = (st: [string, string], withCert: boolean, tag: string) =>
        `<${tag}><ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/${s.type}</ServiceTypeIdentifier><ServiceName><Name xml:lang="en">${esc(s.name)}</Name></ServiceName>` +
        `<ServiceDigitalIdentity><DigitalId>${withCert ? `<X509Certificate>${b64(s.cert.der)}</X509Certificate>` : `<X509SubjectName>CN=${esc(s.cert.name.cn)}</X509SubjectName>`}</DigitalId></ServiceDigitalIdentity>` +
        `<ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/${st[0]}</ServiceStatus><StatusStartingTime>${st[1]}</StatusStartingTime>${ext}</${tag}>`;
      return `<TSPService>${info(current!, true, 'ServiceInformation')}${older.length ? `<ServiceHistory>${older.map((h) => info(h, false, 'ServiceHistoryInstance')).join('')}</ServiceHistory>` : ''}</TSPService>`;
    })
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#" Id="TEST-TSL" TSLTag="http://uri.etsi.org/19612/TSLTag">` +
    `<SchemeInformation><TSLVersionIdentifier>5</TSLVersionIdentifier><TSLSequenceNumber>${opts.sequenceNumber}</TSLSequenceNumber>` +
    `<SchemeTerritory>LV</SchemeTerritory><ListIssueDateTime>${opts.issueDate}</ListIssueDateTime><NextUpdate><dateTime>${opts.nextUpdate}</dateTime></NextUpdate></SchemeInformation>` +
    `<TrustServiceProviderList><TrustServiceProvider><TSPInformation><TSPName><Name xml:lang="en">Test TSP (generated)</Name></TSPName></TSPInformation><TSPServices>${services}</TSPServices></TrustServiceProvider></TrustServiceProviderList>` +
    `</TrustServiceStatusList>`
  );
}

let ready = false;

/** Signs the list with an enveloped signature (exclusive C14N, RSA-SHA256) by `operator`. */
export async function signTsl(xml: string, operator: TestCert): Promise<string> {
  if (!ready) {
    setNodeDependencies({ DOMParser, XMLSerializer });
    const c = globalThis.crypto;
    xmldsig.Application.setEngine('NodeJS', {
      subtle: c.subtle,
      getRandomValues: c.getRandomValues.bind(c),
      randomUUID: c.randomUUID.bind(c),
    } satisfies Crypto);
    ready = true;
  }
  const doc = xmldsig.Parse(xml);
  const pkcs8 = operator.key.privateKey.export({ type: 'pkcs8', format: 'der' });
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const key = await globalThis.crypto.subtle.importKey('pkcs8', pkcs8, alg, false, ['sign']);
  const signed = new xmldsig.SignedXml();
  const sig = await signed.Sign(alg, key, doc, {
    references: [{ hash: 'SHA-256', uri: '', transforms: ['enveloped', 'exc-c14n'] }],
    x509: [b64(operator.der)],
  });
  doc.documentElement.appendChild(sig.GetXml()!);
  return new XMLSerializer().serializeToString(doc as unknown as Parameters<XMLSerializer['serializeToString']>[0]);
}
