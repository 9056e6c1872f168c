import type { Widen } from '../lv';

/**
 * Strings of the "mail" namespace: the e-mail templates (lib/mail/templates.ts
 * assembles them; {var} is filled in by lookup) and the admins' outbox page.
 * Facts are "Label: value" lines, so names and dates stay in the nominative.
 * en must have every key of lv.
 */
const lv = {
  greeting: 'Labdien!',
  footer: 'Portāls Memorands — pašvaldību dalība memorandā par sociālā darba attīstību pašvaldībās',
  automatic: 'Šī vēstule nosūtīta automātiski; uz to nav jāatbild.',
  fact: {
    municipality: 'Pašvaldība: {value}',
    term: 'Pilnvaru laiks: {value}',
    previousTerm: 'Iepriekšējais pilnvaru laiks: {value}',
    year: 'Periods: {value}. gads',
    dueOn: 'Iesniegšanas termiņš: {value}',
    expiresAt: 'Saite derīga līdz: {value} (Latvijas laiks)',
    what: 'Iesniegums: {value}',
    event: 'Veids: {value}',
  },
  invitation: {
    subject: 'Uzaicinājums pievienoties portālam Memorands',
    intro:
      'Jums ir nosūtīts uzaicinājums izveidot kontu portālā Memorands, lai pašvaldības vārdā reģistrētu domes lēmumu par pievienošanos memorandam par sociālā darba attīstību pašvaldībās un iesniegtu ikgadējos progresa ziņojumus.',
    introStaff:
      'Jums ir nosūtīts uzaicinājums izveidot kontu portālā Memorands, kurā biedrības pārbauda pašvaldību pievienošanos memorandam par sociālā darba attīstību pašvaldībās un to progresa ziņojumus.',
    action: 'Lai izveidotu paroli un pieteiktos, atveriet saiti (to var izmantot vienu reizi):',
    note: 'Ja šo uzaicinājumu negaidījāt, vēstuli varat neņemt vērā.',
  },
  accessionSubmitted: {
    subject: '{municipality}: iesniegums par pievienošanos memorandam saņemts',
    intro: 'Iesniegums par pievienošanos memorandam ir saņemts.',
    next: 'Biedrība iesniegumu pārbaudīs; par rezultātu jūs saņemsiet vēstuli. Kamēr iesniegums gaida pārbaudi, to labot nevar.',
    action: 'Iesniegumu var apskatīt šeit:',
  },
  accessionReturned: {
    subject: '{municipality}: iesniegums atgriezts labošanai',
    intro: 'Biedrība atgrieza iesniegumu par pievienošanos memorandam labošanai.',
    reason: 'Iemesls:',
    action: 'Lūdzu, izlabojiet iesniegumu un iesniedziet to atkārtoti:',
  },
  accessionVerified: {
    subject: '{municipality}: dalība memorandā apstiprināta',
    intro: 'Biedrība pārbaudīja un apstiprināja pašvaldības pievienošanos memorandam. Portālā pašvaldība tagad publiski redzama kā pievienojusies.',
    next: 'Reizi gadā portālā iesniedziet progresa ziņojumu par apņemšanos izpildi; par termiņiem jums atgādināsim.',
    action: 'Pašvaldības publiskā lapa:',
  },
  reportDue: {
    subject: '{municipality}: tuvojas {year}. gada progresa ziņojuma iesniegšanas termiņš',
    intro: 'Atgādinām, ka tuvojas progresa ziņojuma iesniegšanas termiņš.',
    action: 'Ziņojumu var sagatavot un iesniegt šeit:',
    note: 'Ja ziņojums jau ir iesniegts, šo vēstuli varat neņemt vērā.',
  },
  reportOverdue: {
    subject: '{municipality}: {year}. gada progresa ziņojums nav iesniegts',
    intro: 'Progresa ziņojuma iesniegšanas termiņš ir pagājis, bet ziņojums vēl nav iesniegts.',
    action: 'Lūdzu, iesniedziet ziņojumu pēc iespējas drīzāk:',
    note: 'Ja ziņojums jau ir iesniegts, šo vēstuli varat neņemt vērā.',
  },
  termRenewal: {
    subject: '{municipality}: aicinājums atjaunot dalību memorandā pilnvaru laikā {term}',
    intro:
      'Ir sācies jauns domes pilnvaru laiks. Pašvaldība memorandam bija pievienojusies iepriekšējā pilnvaru laikā; lai dalība turpinātos, jaunajai domei jāpieņem lēmums par pievienošanos memorandam arī šajā pilnvaru laikā.',
    action: 'Domes lēmumu var reģistrēt un iesniegt šeit:',
  },
  passwordReset: {
    subject: 'Paroles maiņa portālā Memorands',
    intro: 'Saņemts pieprasījums mainīt jūsu paroli portālā Memorands.',
    action: 'Lai izveidotu jaunu paroli, atveriet saiti (to var izmantot vienu reizi; pēc paroles maiņas visas citas jūsu sesijas beigsies):',
    note: 'Ja paroles maiņu nepieprasījāt, vēstuli varat neņemt vērā: parole paliek nemainīta.',
  },
  staffSubmission: {
    subject: '{municipality}: {what}',
    intro: 'Portālā ir jauns iesniegums, kas gaida izskatīšanu.',
    action: 'Iesniegumu var izskatīt šeit:',
    note: 'Paziņojumu veidu (katru reizi, dienas kopsavilkums vai nesūtīt) var mainīt biedrības darbvietā.',
  },
  staffDigest: {
    subject: 'Memorands: iesniegumi, kas gaida izskatīšanu ({count})',
    intro: 'Pēdējās dienas laikā portālā iesniegts:',
    action: 'Visus iesniegumus var izskatīt šeit:',
    note: 'Paziņojumu veidu (katru reizi, dienas kopsavilkums vai nesūtīt) var mainīt biedrības darbvietā.',
  },
  outbox: {
    title: 'Izsūtne',
    lead: 'Visas portāla e-pasta vēstules, jaunākās vispirms.',
    smtpOff: 'E-pasts netiek sūtīts: SMTP nav iestatīts; vēstules paliek šeit.',
    empty: 'Vēstuļu vēl nav.',
    caption: 'Vēstules {from}–{to} no {total}',
    colCreated: 'Izveidota',
    colTo: 'Adresāts',
    colLanguage: 'Valoda',
    colKind: 'Veids',
    colSubject: 'Temats un teksts',
    colStatus: 'Stāvoklis',
    status: {
      PENDING: 'Gaida nosūtīšanu',
      SENT: 'Nosūtīta',
      FAILED: 'Nav nosūtīta',
    },
    sentAt: 'Nosūtīta: {date}',
    attempts: 'Mēģinājumi: {n}',
    error: 'Kļūda: {error}',
    willRetry: 'Tiks mēģināts vēlreiz.',
    language: {
      lv: 'latviešu',
      en: 'angļu',
    },
    kind: {
      invitation: 'Uzaicinājums',
      accessionSubmitted: 'Iesniegums saņemts',
      accessionReturned: 'Iesniegums atgriezts',
      accessionVerified: 'Dalība apstiprināta',
      reportDue: 'Tuvojas ziņojuma termiņš',
      reportOverdue: 'Ziņojums nokavēts',
      termRenewal: 'Dalības atjaunošana',
      passwordReset: 'Paroles maiņa',
      staffSubmission: 'Jauns iesniegums (biedrībai)',
      staffDigest: 'Iesniegumu kopsavilkums (biedrībai)',
    },
    pagination: 'Izsūtnes lapas',
  },
};

const en: Widen<typeof lv> = {
  greeting: 'Hello,',
  footer: 'The Memorands portal — municipalities in the Memorandum on the Development of Social Work in Municipalities',
  automatic: 'This message was sent automatically; please do not reply to it.',
  fact: {
    municipality: 'Municipality: {value}',
    term: 'Council term: {value}',
    previousTerm: 'Previous council term: {value}',
    year: 'Period: {value}',
    dueOn: 'Due date: {value}',
    expiresAt: 'Link valid until: {value} (Latvian time)',
    what: 'Submission: {value}',
    event: 'Kind: {value}',
  },
  invitation: {
    subject: 'Invitation to the Memorands portal',
    intro:
      'You have been invited to create an account on the Memorands portal, to record on behalf of the municipality the council decision to join the Memorandum on the Development of Social Work in Municipalities and to file the yearly progress reports.',
    introStaff:
      'You have been invited to create an account on the Memorands portal, where the associations verify municipalities joining the Memorandum on the Development of Social Work in Municipalities and their progress reports.',
    action: 'To set your password and sign in, open this link (it works once):',
    note: 'If you were not expecting this invitation, you can ignore this message.',
  },
  accessionSubmitted: {
    subject: '{municipality}: submission to join the memorandum received',
    intro: 'The submission to join the memorandum has been received.',
    next: 'The association will verify it, and you will receive an e-mail with the outcome. While the submission awaits verification it cannot be changed.',
    action: 'You can view the submission here:',
  },
  accessionReturned: {
    subject: '{municipality}: submission returned for correction',
    intro: 'The association has returned the submission to join the memorandum for correction.',
    reason: 'Reason:',
    action: 'Please correct the submission and submit it again:',
  },
  accessionVerified: {
    subject: '{municipality}: membership of the memorandum verified',
    intro: 'The association has verified the municipality joining the memorandum. The portal now shows the municipality publicly as joined.',
    next: 'Once a year, file a progress report on the commitments in the portal; we will remind you of the due dates.',
    action: 'The municipality’s public page:',
  },
  reportDue: {
    subject: '{municipality}: the progress report for {year} is due soon',
    intro: 'This is a reminder that the progress report is due soon.',
    action: 'You can prepare and submit the report here:',
    note: 'If the report has already been submitted, you can ignore this message.',
  },
  reportOverdue: {
    subject: '{municipality}: the progress report for {year} is overdue',
    intro: 'The due date of the progress report has passed and the report has not been submitted yet.',
    action: 'Please submit the report as soon as possible:',
    note: 'If the report has already been submitted, you can ignore this message.',
  },
  termRenewal: {
    subject: '{municipality}: please renew the membership of the memorandum for {term}',
    intro:
      'A new council term has begun. The municipality joined the memorandum in the previous term; to continue its membership, the new council needs to decide to join the memorandum for this term as well.',
    action: 'You can record and submit the council decision here:',
  },
  passwordReset: {
    subject: 'Password reset on the Memorands portal',
    intro: 'We received a request to reset your password on the Memorands portal.',
    action: 'To choose a new password, open the link (it works once; after the reset every other session of yours ends):',
    note: 'If you did not ask for this, you can ignore this message: your password stays as it is.',
  },
  staffSubmission: {
    subject: '{municipality}: {what}',
    intro: 'A new submission on the portal is waiting for review.',
    action: 'You can review it here:',
    note: 'You can choose how you are told (each time, a daily digest, or not at all) in the association workspace.',
  },
  staffDigest: {
    subject: 'Memorands: submissions waiting for review ({count})',
    intro: 'Submitted in the last day:',
    action: 'You can review all submissions here:',
    note: 'You can choose how you are told (each time, a daily digest, or not at all) in the association workspace.',
  },
  outbox: {
    title: 'Outbox',
    lead: 'Every e-mail the portal sends, newest first.',
    smtpOff: 'E-mail is not being sent: SMTP is not configured; messages stay here.',
    empty: 'No messages yet.',
    caption: 'Messages {from}–{to} of {total}',
    colCreated: 'Created',
    colTo: 'To',
    colLanguage: 'Language',
    colKind: 'Kind',
    colSubject: 'Subject and text',
    colStatus: 'Status',
    status: {
      PENDING: 'Waiting to be sent',
      SENT: 'Sent',
      FAILED: 'Not sent',
    },
    sentAt: 'Sent {date}',
    attempts: 'Attempts: {n}',
    error: 'Error: {error}',
    willRetry: 'Will be tried again.',
    language: {
      lv: 'Latvian',
      en: 'English',
    },
    kind: {
      invitation: 'Invitation',
      accessionSubmitted: 'Submission received',
      accessionReturned: 'Submission returned',
      accessionVerified: 'Membership verified',
      reportDue: 'Report due soon',
      reportOverdue: 'Report overdue',
      termRenewal: 'Membership renewal',
      passwordReset: 'Password reset',
      staffSubmission: 'New submission (associations)',
      staffDigest: 'Submissions digest (associations)',
    },
    pagination: 'Outbox pages',
  },
};

export const mailMessages = { lv, en };
