/**
 * What simulated cases are made of: a telecom-style PQR catalogue (typologies and motives), the
 * staff, petitioners and the free texts that the API would receive from agents.
 */
import type { Actor, CaseKind, Channel, DocumentType } from '@app/domain';
import type { Random } from './random';

export const KIND_WEIGHTS: readonly (readonly [CaseKind, number])[] = [
  ['claim', 34],
  ['complaint', 20],
  ['petition', 20],
  ['inquiry', 11],
  ['document_request', 6],
  ['suggestion', 4],
  ['report', 3],
  ['formal_petition', 2],
];

export const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['phone', 34],
  ['web', 19],
  ['chat', 19],
  ['email', 15],
  ['in_person', 7],
  ['regulator', 4],
  ['letter', 2],
];

interface Typology {
  typology: string;
  weight: number;
  motives: readonly string[];
  subjects: readonly string[];
}

export const TYPOLOGIES: readonly Typology[] = [
  { typology: 'billing', weight: 22, motives: ['duplicate-charge', 'wrong-amount', 'unknown-charge', 'late-fee'], subjects: ['Cobro duplicado en la factura', 'Valor facturado no corresponde al plan', 'Cobro de un servicio no contratado', 'Recargo por mora injustificado'] },
  { typology: 'service-quality', weight: 16, motives: ['outage', 'slow-connection', 'intermittent', 'no-signal'], subjects: ['Sin servicio de internet desde hace tres días', 'Velocidad muy inferior a la contratada', 'El servicio se cae varias veces al día', 'Sin señal en la zona de residencia'] },
  { typology: 'contract', weight: 11, motives: ['cancellation', 'plan-change', 'permanence-clause'], subjects: ['Solicitud de cancelación no tramitada', 'Cambio de plan no aplicado', 'Cláusula de permanencia no informada'] },
  { typology: 'portability', weight: 5, motives: ['port-in-delay', 'port-out-blocked'], subjects: ['La portabilidad lleva más de una semana', 'No permiten portar el número a otro operador'] },
  { typology: 'equipment', weight: 7, motives: ['faulty-device', 'warranty', 'not-delivered'], subjects: ['Equipo con falla de fábrica', 'Garantía rechazada sin explicación', 'El equipo comprado no fue entregado'] },
  { typology: 'customer-service', weight: 8, motives: ['long-wait', 'rude-attention', 'wrong-information'], subjects: ['Más de una hora de espera en la línea', 'Mala atención en la oficina', 'Información errada del asesor'] },
  { typology: 'general-information', weight: 9, motives: ['tariff', 'coverage', 'promotions', 'requirements'], subjects: ['Consulta sobre tarifas vigentes', 'Cobertura en el municipio', 'Condiciones de la promoción', 'Requisitos para el traspaso'] },
  { typology: 'personal-data', weight: 5, motives: ['habeas-data', 'unsolicited-calls', 'data-update'], subjects: ['Reporte negativo en centrales de riesgo', 'Llamadas comerciales no autorizadas', 'Actualización de datos personales'] },
  { typology: 'installation', weight: 6, motives: ['delay', 'missed-visit', 'bad-installation'], subjects: ['La instalación no se ha realizado', 'El técnico no llegó a la visita', 'Instalación defectuosa del servicio'] },
  { typology: 'payments', weight: 6, motives: ['payment-not-applied', 'refund', 'automatic-debit'], subjects: ['Pago realizado y no aplicado', 'Solicitud de devolución de saldo a favor', 'Débito automático no autorizado'] },
  { typology: 'roaming', weight: 2, motives: ['unexpected-roaming-charge', 'roaming-not-working'], subjects: ['Cobro de roaming no solicitado', 'El roaming no funcionó en el exterior'] },
  { typology: 'fraud', weight: 3, motives: ['identity-theft', 'sim-swap'], subjects: ['Línea activada con mis datos sin autorización', 'Reposición de SIM no solicitada'] },
];

const TYPOLOGY_WEIGHTS = TYPOLOGIES.map((typology) => [typology, typology.weight] as const);

export function pickTypology(random: Random): { typology: string; motive: string; subject: string } {
  const chosen = random.weighted(TYPOLOGY_WEIGHTS);
  const index = random.int(0, chosen.motives.length - 1);
  return { typology: chosen.typology, motive: chosen.motives[index], subject: chosen.subjects[index % chosen.subjects.length] };
}

/** The staff: ids look like JWT `sub`s; roles as the API's guards require them. */
export interface Staff {
  agents: Actor[];
  backoffice: Actor[];
  supervisors: Actor[];
  quality: Actor[];
}

export function makeStaff(counts: { agents: number; backoffice: number; supervisors: number; quality: number }): Staff {
  const make = (prefix: string, count: number, role: Actor['roles'][number]): Actor[] =>
    Array.from({ length: count }, (_, index) => ({ id: `${prefix}-${String(index + 1).padStart(3, '0')}`, roles: [role] }));
  return {
    agents: make('agent', counts.agents, 'agent'),
    backoffice: make('bo', counts.backoffice, 'backoffice'),
    supervisors: make('sup', counts.supervisors, 'supervisor'),
    quality: make('qa', counts.quality, 'quality'),
  };
}

const FIRST_NAMES = ['María', 'José', 'Luis', 'Ana', 'Carlos', 'Juan', 'Laura', 'Andrés', 'Diana', 'Jorge', 'Paola', 'Sandra', 'Camilo', 'Valentina', 'Santiago', 'Natalia', 'Felipe', 'Daniela', 'Alejandro', 'Catalina'];
const SECOND_NAMES = ['Fernanda', 'Alberto', 'Eduardo', 'Lucía', 'Andrea', 'Camila', 'David', 'Esteban', 'Isabel', 'Mauricio', ''];
const SURNAMES = ['Rojas', 'Gómez', 'Rodríguez', 'Martínez', 'López', 'García', 'Hernández', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Díaz', 'Vargas', 'Moreno', 'Castro', 'Ortiz', 'Jiménez', 'Suárez', 'Muñoz', 'Restrepo', 'Ospina', 'Cárdenas'];
const DOCUMENT_TYPES: readonly (readonly [DocumentType, number])[] = [['CC', 88], ['CE', 5], ['NIT', 4], ['PA', 2], ['PPT', 1]];
const STREETS = ['Calle', 'Carrera', 'Avenida', 'Transversal', 'Diagonal'];
const CITIES = ['Bogotá', 'Medellín', 'Cali', 'Barranquilla', 'Cartagena', 'Bucaramanga', 'Pereira', 'Manizales', 'Cúcuta', 'Ibagué'];
const MAIL_DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com', 'example.com'];

export function makePetitioner(random: Random) {
  const first = random.pick(FIRST_NAMES);
  const second = random.pick(SECOND_NAMES);
  const surname = random.pick(SURNAMES);
  const secondSurname = random.pick(SURNAMES);
  const fullName = [first, second, surname, secondSurname].filter(Boolean).join(' ');
  const documentType = random.weighted(DOCUMENT_TYPES);
  const plain = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return {
    fullName,
    documentType,
    documentNumber: String(random.int(10_000_000, 1_099_999_999)),
    email: `${plain(first)}.${plain(surname)}${random.int(1, 999)}@${random.pick(MAIL_DOMAINS)}`,
    ...(random.chance(0.85) && { phone: `+57 3${random.int(0, 2)}${random.int(0, 9)} ${random.int(100, 999)} ${random.int(1000, 9999)}` }),
    ...(random.chance(0.4) && { address: `${random.pick(STREETS)} ${random.int(1, 180)} # ${random.int(1, 120)}-${random.int(1, 99)}, ${random.pick(CITIES)}` }),
  };
}

export function makeFacts(random: Random, subject: string, filedAtDate: string): string {
  const lead = random.pick([
    `Desde el ${filedAtDate} se presenta la siguiente situación: ${subject.toLowerCase()}.`,
    `${subject}. Ya me había comunicado antes con la línea de atención sin obtener solución.`,
    `Me comunico porque ${subject.toLowerCase()}, lo cual me ha generado inconvenientes en mi trabajo.`,
  ]);
  const extra = random.chance(0.5) ? ' Adjunto los soportes y solicito que se revise el caso a la mayor brevedad posible.' : '';
  return lead + extra;
}

export function makeRequest(random: Random, typology: string): string {
  switch (typology) {
    case 'billing':
    case 'payments':
    case 'roaming':
      return random.pick(['Reversar el cobro y ajustar la próxima factura', 'Devolver el valor cobrado de más', 'Aplicar el pago y retirar el recargo']);
    case 'service-quality':
    case 'installation':
      return random.pick(['Restablecer el servicio y compensar los días sin servicio', 'Programar una visita técnica', 'Descontar los días sin servicio']);
    case 'personal-data':
    case 'fraud':
      return random.pick(['Eliminar el reporte y corregir mis datos', 'Suspender la línea y anular las obligaciones', 'Dejar de usar mis datos para publicidad']);
    default:
      return random.pick(['Dar respuesta de fondo a la solicitud', 'Informar por escrito las condiciones', 'Solucionar el inconveniente']);
  }
}

export function makeAttachments(random: Random) {
  if (!random.chance(0.25)) return [];
  return Array.from({ length: random.int(1, 2) }, (_, index) => ({
    name: random.pick(['factura', 'soporte-pago', 'cedula', 'captura', 'contrato']) + `-${index + 1}.${random.pick(['pdf', 'jpg', 'png'])}`,
    contentType: random.pick(['application/pdf', 'image/jpeg', 'image/png']),
    size: random.int(40_000, 3_000_000),
  }));
}

export const RETURN_REASONS = [
  'Es una queja, no un reclamo',
  'La tipología no corresponde a los hechos descritos',
  'El motivo registrado no coincide con la solicitud',
  'Es una petición de información, no un reclamo',
];

export const INFORMATION_REQUESTS = [
  'Adjunte la factura del periodo reclamado',
  'Envíe el soporte del pago realizado',
  'Indique la dirección exacta donde presenta la falla',
  'Adjunte copia del documento de identidad',
];

export const RESPONSES_RESOLVED = [
  'Revisamos su caso y reversamos el cobro; el ajuste se verá en la próxima factura.',
  'Se restableció el servicio y se aplicó la compensación por los días sin servicio.',
  'Se aplicó el pago y se retiró el recargo por mora.',
  'Le informamos las condiciones solicitadas en el documento adjunto.',
  'Se corrigió la información y se eliminó el reporte negativo.',
];

export const RESPONSES_PENDING = [
  'Estamos revisando su caso con el área técnica; le daremos respuesta de fondo en los próximos días.',
  'Su solicitud fue escalada al área de facturación para su verificación.',
];

export const COUNTER_REPLIES = [
  'El cobro sigue apareciendo en la factura',
  'El servicio volvió a fallar',
  'No estoy de acuerdo con la respuesta',
];

export const CLOSE_REASONS_RESOLVED = ['Caso resuelto y ventana de contrarespuesta vencida', 'Respuesta de fondo entregada'];
export const CLOSE_REASONS_EARLY = ['Duplicado de otro radicado', 'El cliente desistió de la solicitud'];
export const CLOSE_REASON_NO_INFORMATION = 'Desistimiento tácito: el cliente no aportó la información solicitada';
export const TRANSFER_ENTITIES = ['SIC', 'CRC', 'Superfinanciera', 'Operador móvil virtual aliado'];
export const SURVEY_COMMENTS = [null, null, 'Buena atención', 'La respuesta tardó mucho', 'Resolvieron mi problema', 'Esperaba una mejor solución'];
export const QUALITY_FINDINGS = ['Respuesta completa y oportuna', 'Faltó citar la norma aplicable', 'Tipificación correcta', 'Lenguaje claro'];
export const EXTENSION_REASONS = ['Se requiere concepto del área técnica', 'Se requiere verificación con el aliado de instalación'];
