import type { Widen } from '../lv';

/** UI strings of request hardening (issue 17: origin checks, body limits, methods); en must have every key of lv. */
const lv = {
  crossOrigin: 'Pieprasījums nāk no citas vietnes, tāpēc tas netika izpildīts. Atveriet portālu un mēģiniet vēlreiz.',
  jsonOnly: 'Šeit pieņem tikai JSON datus (application/json).',
  uploadType: 'Augšupielādējiet pašu datni, nevis veidlapu.',
  bodyTooLarge: 'Pieprasījums ir pārāk liels.',
  methodNotAllowed: 'Šī metode šeit nav atļauta.',
  busy: 'Pārāk daudz vienlaicīgu pieprasījumu. Mēģiniet pēc brīža.',
};

const en: Widen<typeof lv> = {
  crossOrigin: 'The request came from another site, so it was not carried out. Open the portal and try again.',
  jsonOnly: 'Only JSON data (application/json) is accepted here.',
  uploadType: 'Upload the file itself, not a form.',
  bodyTooLarge: 'The request is too large.',
  methodNotAllowed: 'This method is not allowed here.',
  busy: 'Too many requests at once. Try again in a moment.',
};

export const securityMessages = { lv, en };
