/** Terms of Ley 1755 de 2015 besides the art. 14 term of each case kind (LEGAL_TERM_BUSINESS_DAYS). */

/** Art. 21: a wrongly addressed case is transferred within 5 business days of filing. */
export const TRANSFER_TERM_BUSINESS_DAYS = 5;
/** Art. 17: missing information is asked for within 10 business days of filing. */
export const INFORMATION_REQUEST_TERM_BUSINESS_DAYS = 10;
/** Art. 17: with no answer in one month the petition is tacitly withdrawn. */
export const TACIT_WITHDRAWAL_MONTHS = 1;
/** Art. 17: the petitioner may ask for up to one month more to complete it. */
export const INFORMATION_PERIOD_EXTENSION_MONTHS = 1;
