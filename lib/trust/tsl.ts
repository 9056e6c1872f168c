/**
 * ETSI TS 119 612 trusted-list parser: scheme information (sequence number, issue date,
 * NextUpdate) and every TSP service with its certificates, type and full status history, so that
 * a service's status can be read at any past time (a service can be withdrawn and granted again).
 */
import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';

const TSL = 'http://uri.etsi.org/02231/v2#';
const STATUS_PREFIX = 'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/';
const TYPE_PREFIX = 'http://uri.etsi.org/TrstSvc/Svctype/';
const QUALIFIER_PREFIX = 'http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/';

/** Criteria a qualifier applies to (ETSI TS 119 612 5.5.9.2.1, the parts we evaluate). */
export type Criteria = { assert: 'all' | 'atLeastOne' | 'none'; keyUsage: { bit: string; value: boolean }[][]; policies: string[][] };

/** One qualification element: qualifiers (short names, e.g. QCWithQSCD) for certificates meeting the criteria. */
export type Qualification = { qualifiers: string[]; criteria: Criteria };

/** One status period of a service (the current one or a ServiceHistoryInstance). */
export type StatusPeriod = { status: string; from: Date; type: string; qualifications: Qualification[] };

/** A trust service of the list with its digital identity and history (newest period first). */
export type TrustService = {
  provider: string;
  name: string;
  /** Short type, e.g. "CA/QC", "TSA/QTST", "TSA/TSS-QC", "NationalRootCA-QC". */
  type: string;
  certificates: Uint8Array[];
  periods: StatusPeriod[];
};

/** A parsed trusted list. */
export type TrustedList = {
  territory: string | null;
  sequenceNumber: number;
  issueDate: Date;
  nextUpdate: Date | null;
  services: TrustService[];
  sha256: string;
};

function kids(el: Element | null | undefined, local: string, ns: string | null = TSL): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    const e = n as Element;
    if (n.nodeType === 1 && e.localName === local && (ns === null || e.namespaceURI === ns)) out.push(e);
  }
  return out;
}
const kid = (el: Element | null | undefined, local: string, ns: string | null = TSL) => kids(el, local, ns)[0];
const text = (el: Element | null | undefined) => el?.textContent?.trim() ?? '';

function nameOf(el: Element | undefined): string {
  const names = kids(el, 'Name');
  return text(names.find((n) => n.getAttribute('xml:lang') === 'en') ?? names[0]);
}

function descendants(el: Element, local: string): Element[] {
  const out: Element[] = [];
  const list = el.getElementsByTagNameNS('*', local);
  for (let i = 0; i < list.length; i++) {
    const e = list.item(i);
    if (e) out.push(e);
  }
  return out;
}

function qualificationsOf(info: Element): Qualification[] {
  const out: Qualification[] = [];
  for (const q of descendants(info, 'QualificationElement')) {
    const qualifiers = descendants(q, 'Qualifier').map((x) => (x.getAttribute('uri') ?? '').replace(QUALIFIER_PREFIX, ''));
    const list = descendants(q, 'CriteriaList')[0];
    const assert = (list?.getAttribute('assert') ?? 'all') as Criteria['assert'];
    const keyUsage = list
      ? descendants(list, 'KeyUsage').map((ku) => descendants(ku, 'KeyUsageBit').map((b) => ({ bit: b.getAttribute('name') ?? '', value: text(b) === 'true' })))
      : [];
    const policies = list ? descendants(list, 'PolicySet').map((ps) => descendants(ps, 'Identifier').map((i) => text(i).replace(/^urn:oid:/, ''))) : [];
    out.push({ qualifiers, criteria: { assert, keyUsage, policies } });
  }
  return out;
}

function period(info: Element): StatusPeriod {
  return {
    status: text(kid(info, 'ServiceStatus')).replace(STATUS_PREFIX, ''),
    from: new Date(text(kid(info, 'StatusStartingTime'))),
    type: text(kid(info, 'ServiceTypeIdentifier')).replace(TYPE_PREFIX, ''),
    qualifications: qualificationsOf(info),
  };
}

/** Parses a trusted list. Throws on XML that is not a TrustServiceStatusList. */
export function parseTrustedList(xml: string | Uint8Array): TrustedList {
  const bytes = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
  const source = typeof xml === 'string' ? xml : new TextDecoder().decode(xml);
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(msg);
    },
  }).parseFromString(source.replace(/^\uFEFF/, ''), 'application/xml') as unknown as Document;
  const root = doc.documentElement;
  if (!root || root.localName !== 'TrustServiceStatusList' || root.namespaceURI !== TSL) throw new Error('not an ETSI TS 119 612 TrustServiceStatusList');
  const scheme = kid(root, 'SchemeInformation');
  const sequenceNumber = Number(text(kid(scheme, 'TSLSequenceNumber')));
  const issueDate = new Date(text(kid(scheme, 'ListIssueDateTime')));
  const next = text(kid(kid(scheme, 'NextUpdate'), 'dateTime'));
  if (!Number.isInteger(sequenceNumber) || Number.isNaN(issueDate.getTime())) throw new Error('trusted list without sequence number or issue date');
  const services: TrustService[] = [];
  for (const tsp of kids(kid(root, 'TrustServiceProviderList'), 'TrustServiceProvider')) {
    const provider = nameOf(kid(kid(tsp, 'TSPInformation'), 'TSPName'));
    for (const svc of kids(kid(tsp, 'TSPServices'), 'TSPService')) {
      const info = kid(svc, 'ServiceInformation');
      if (!info) continue;
      const certificates = descendants(kid(info, 'ServiceDigitalIdentity') ?? info, 'X509Certificate').map(
        (c) => new Uint8Array(Buffer.from(text(c).replace(/\s+/g, ''), 'base64')),
      );
      const periods = [period(info), ...kids(kid(svc, 'ServiceHistory'), 'ServiceHistoryInstance').map(period)].filter((p) => !Number.isNaN(p.from.getTime()));
      periods.sort((a, b) => b.from.getTime() - a.from.getTime());
      services.push({ provider, name: nameOf(kid(info, 'ServiceName')), type: periods[0]?.type ?? '', certificates, periods });
    }
  }
  return {
    territory: text(kid(scheme, 'SchemeTerritory')) || null,
    sequenceNumber,
    issueDate,
    nextUpdate: next ? new Date(next) : null,
    services,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** The status period of a service in force at `at` (null: the service was not on the list yet). */
export function periodAt(service: TrustService, at: Date): StatusPeriod | null {
  return service.periods.find((p) => p.from.getTime() <= at.getTime()) ?? null;
}

/** Statuses under which a service is trusted (eIDAS and the pre-eIDAS Directive 1999/93/EC ones). */
const POSITIVE = new Set(['granted', 'recognisedatnationallevel', 'accredited', 'undersupervision', 'supervisionincessation']);

/** True when the status is a positive (trusted) one. */
export function isPositiveStatus(status: string): boolean {
  return POSITIVE.has(status);
}

/** Statuses under which a CA/QC service issues qualified certificates (granted, or the pre-eIDAS qualified ones). */
export function isQualifiedStatus(status: string): boolean {
  return status === 'granted' || status === 'accredited' || status === 'undersupervision' || status === 'supervisionincessation';
}
