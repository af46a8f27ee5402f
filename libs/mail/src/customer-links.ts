import { MailSettings } from './mail-content';

/** Where the customer follows the case (the verification code is given in the text, never in a link). */
export function trackingUrl(settings: MailSettings, filingNumber: string): string {
  return `${baseUrl(settings)}/casos/${encodeURIComponent(filingNumber)}`;
}

export function surveyUrl(settings: MailSettings, filingNumber: string): string {
  return `${trackingUrl(settings, filingNumber)}/encuesta`;
}

function baseUrl(settings: MailSettings): string {
  return settings.publicBaseUrl.replace(/\/+$/, '');
}
