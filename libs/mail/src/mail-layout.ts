import { MailBlock, MailDraft, MailRecipient, MailSettings, RenderedMail } from './mail-content';

/**
 * Wraps a template's draft in the company's greeting and signature, and renders it twice: as plain
 * text and as HTML. Every value is escaped in the HTML part; nothing a customer or agent typed can
 * add markup or links.
 */
export function renderMail(draft: MailDraft, recipient: MailRecipient, settings: MailSettings): RenderedMail {
  const greeting = draft.greeting ?? `Estimado(a) ${recipient.fullName}:`;
  // The company's name, then the area; once when the company signs as the area itself.
  const signature = ['Cordialmente,', ...new Set([settings.companyName, 'Servicio de Atención al Cliente'])];
  const closing = draft.closing ?? `Este mensaje se refiere a su caso radicado con el número ${recipient.filingNumber}. Si responde, conserve el número en el asunto.`;
  return {
    subject: `[${recipient.filingNumber}] ${singleLine(draft.title)}`,
    text: [greeting, ...draft.blocks.map(blockAsText), closing, signature.join('\n')].join('\n\n') + '\n',
    html: [
      '<!DOCTYPE html>',
      '<html lang="es-CO"><head><meta charset="utf-8"></head><body>',
      paragraphHtml(greeting),
      ...draft.blocks.map(blockAsHtml),
      `<p style="color:#555">${escapeHtml(closing)}</p>`,
      `<p>${signature.map(escapeHtml).join('<br>')}</p>`,
      '</body></html>',
    ].join('\n'),
  };
}

function blockAsText(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'fields':
      return block.fields.map(([label, value]) => `${label}: ${value}`).join('\n');
    case 'quote':
      return block.text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'link':
      return `${block.label}: ${block.url}`;
  }
}

function blockAsHtml(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return paragraphHtml(block.text);
    case 'fields':
      return `<p>${block.fields.map(([label, value]) => `<strong>${escapeHtml(label)}:</strong> ${escapeHtml(value)}`).join('<br>')}</p>`;
    case 'quote':
      return `<blockquote style="border-left:3px solid #ccc;margin:0;padding-left:12px">${paragraphHtml(block.text)}</blockquote>`;
    case 'link':
      return `<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.label)}</a></p>`;
  }
}

function paragraphHtml(text: string): string {
  return `<p>${text.split('\n').map(escapeHtml).join('<br>')}</p>`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** A subject is one header line: line breaks typed into a title must not start new headers. */
function singleLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}
