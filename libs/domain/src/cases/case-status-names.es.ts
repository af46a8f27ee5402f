import type { FiledCase } from './case.state';

/** Each status of a filed case as the customer reads it (es-CO): the tracking page's label. */
export const CASE_STATUS_LABELS: Record<FiledCase['status'], string> = {
  filed: 'Radicado',
  to_typify: 'Radicado',
  assigned: 'En trámite',
  returned: 'En trámite',
  in_progress: 'En trámite',
  awaiting_information: 'En espera de su información',
  responded: 'Respondido',
  resolved_first_line: 'Resuelto en primera línea',
  transferred: 'Trasladado a la entidad competente',
  closed: 'Cerrado',
  withdrawn: 'Desistido (no se recibió la información solicitada)',
};
