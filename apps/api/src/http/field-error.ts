/** One bad field of a request, as a 400 answer lists it. */
export interface FieldError {
  field: string;
  reason: string;
}
