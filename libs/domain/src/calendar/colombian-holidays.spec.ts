import Holidays from 'date-holidays';
import { colombianHolidays, FIRST_SUPPORTED_YEAR } from './colombian-holidays';

const datesOf = (year: number, overrides = {}) => colombianHolidays(year, overrides).map((holiday) => holiday.date);

describe('colombianHolidays', () => {
  describe('rules of Ley 51 de 1983 and Ley 2578 de 2026', () => {
    it('given 2026, when listing holidays, then it returns the 19 dates and names of docs/domain.md', () => {
      expect(colombianHolidays(2026)).toEqual([
        { date: '2026-01-01', name: 'Año Nuevo' },
        { date: '2026-01-12', name: 'Reyes Magos' },
        { date: '2026-03-23', name: 'San José' },
        { date: '2026-04-02', name: 'Jueves Santo' },
        { date: '2026-04-03', name: 'Viernes Santo' },
        { date: '2026-05-01', name: 'Día del Trabajo' },
        { date: '2026-05-18', name: 'Ascensión del Señor' },
        { date: '2026-06-08', name: 'Corpus Christi' },
        { date: '2026-06-15', name: 'Sagrado Corazón de Jesús' },
        { date: '2026-06-29', name: 'San Pedro y San Pablo' },
        { date: '2026-07-13', name: 'Virgen de Chiquinquirá' },
        { date: '2026-07-20', name: 'Día de la Independencia' },
        { date: '2026-08-07', name: 'Batalla de Boyacá' },
        { date: '2026-08-17', name: 'Asunción de la Virgen' },
        { date: '2026-10-12', name: 'Día de la Raza' },
        { date: '2026-11-02', name: 'Todos los Santos' },
        { date: '2026-11-16', name: 'Independencia de Cartagena' },
        { date: '2026-12-08', name: 'Inmaculada Concepción' },
        { date: '2026-12-25', name: 'Navidad' },
      ]);
    });

    it.each([
      [
        2024, // Easter 31 March; 6 Jan, 29 Jun and 12 Oct fall on Saturday
        ['2024-01-01', '2024-01-08', '2024-03-25', '2024-03-28', '2024-03-29', '2024-05-01', '2024-05-13', '2024-06-03',
         '2024-06-10', '2024-07-01', '2024-07-20', '2024-08-07', '2024-08-19', '2024-10-14', '2024-11-04', '2024-11-11',
         '2024-12-08', '2024-12-25'],
      ],
      [
        2025, // Easter 20 April; San Pedro and Sacred Heart share 30 June, so 17 distinct dates
        ['2025-01-01', '2025-01-06', '2025-03-24', '2025-04-17', '2025-04-18', '2025-05-01', '2025-06-02', '2025-06-23',
         '2025-06-30', '2025-07-20', '2025-08-07', '2025-08-18', '2025-10-13', '2025-11-03', '2025-11-17', '2025-12-08',
         '2025-12-25'],
      ],
      [
        2026, // Easter 5 April
        ['2026-01-01', '2026-01-12', '2026-03-23', '2026-04-02', '2026-04-03', '2026-05-01', '2026-05-18', '2026-06-08',
         '2026-06-15', '2026-06-29', '2026-07-13', '2026-07-20', '2026-08-07', '2026-08-17', '2026-10-12', '2026-11-02',
         '2026-11-16', '2026-12-08', '2026-12-25'],
      ],
      [
        2027, // Easter 28 March; Chiquinquirá (Fri 9 July) moves to 12 July; 1 Nov is already Monday
        ['2027-01-01', '2027-01-11', '2027-03-22', '2027-03-25', '2027-03-26', '2027-05-01', '2027-05-10', '2027-05-31',
         '2027-06-07', '2027-07-05', '2027-07-12', '2027-07-20', '2027-08-07', '2027-08-16', '2027-10-18', '2027-11-01',
         '2027-11-15', '2027-12-08', '2027-12-25'],
      ],
    ])('given %i, when listing holidays, then it returns exactly these dates', (year, expected) => {
      expect(datesOf(year as number)).toEqual(expected);
    });

    it('given 2025, when two holidays fall on Monday 30 June, then one entry names both', () => {
      const june30 = colombianHolidays(2025).filter((holiday) => holiday.date === '2025-06-30');
      expect(june30).toEqual([{ date: '2025-06-30', name: 'Sagrado Corazón de Jesús / San Pedro y San Pablo' }]);
    });

    it('given 2025, when listing holidays, then Virgen de Chiquinquirá is absent because Ley 2578 applies from 2026', () => {
      expect(colombianHolidays(2025).map((holiday) => holiday.name)).not.toContain('Virgen de Chiquinquirá');
      expect(datesOf(2025)).not.toContain('2025-07-14');
    });

    it('given any year from 1984 to 2100, when compared with date-holidays without its Easter Sunday, then the dates match', () => {
      const oracle = new Holidays('CO');
      for (let year = FIRST_SUPPORTED_YEAR; year <= 2100; year++) {
        const oracleDates = oracle
          .getHolidays(year)
          .filter((holiday) => holiday.type === 'public' && holiday.rule !== 'easter')
          .map((holiday) => holiday.date.slice(0, 10));
        expect({ year, dates: datesOf(year) }).toEqual({ year, dates: [...new Set(oracleDates)].sort() });
      }
    });
  });

  describe('operator overrides', () => {
    it('given a holiday added by Congress, when listing its year, then it appears in date order', () => {
      const holidays = colombianHolidays(2026, { add: [{ date: '2026-03-10', name: 'Día cívico' }] });
      expect(holidays).toHaveLength(20);
      expect(holidays.slice(1, 4).map((holiday) => holiday.date)).toEqual(['2026-01-12', '2026-03-10', '2026-03-23']);
    });

    it('given a holiday added for 2027, when listing 2026, then the list is unchanged', () => {
      expect(datesOf(2026, { add: [{ date: '2027-03-10', name: 'Día cívico' }] })).toEqual(datesOf(2026));
    });

    it('given a holiday struck down by the Court, when listing its year, then the date is gone', () => {
      const dates = datesOf(2026, { remove: ['2026-07-13'] });
      expect(dates).toHaveLength(18);
      expect(dates).not.toContain('2026-07-13');
    });

    it('given an added holiday on a date that already is one, when listing, then one entry joins both names', () => {
      const holidays = colombianHolidays(2026, { add: [{ date: '2026-12-25', name: 'Día cívico' }] });
      expect(holidays).toHaveLength(19);
      expect(holidays[18]).toEqual({ date: '2026-12-25', name: 'Navidad / Día cívico' });
    });

    it('given the same date added and removed, when listing, then removal wins', () => {
      expect(datesOf(2026, { add: [{ date: '2026-03-10', name: 'Día cívico' }], remove: ['2026-03-10'] })).toEqual(
        datesOf(2026),
      );
    });

    it.each([
      [{ add: [{ date: '2026-3-10', name: 'Día cívico' }] }, /add\[0\]\.date must be 'YYYY-MM-DD', got "2026-3-10"/],
      [{ add: [{ date: '2026-03-10', name: ' ' }] }, /add\[0\]\.name must be a non-empty string/],
      [{ remove: ['2026-02-30'] }, /remove\[0\] must be 'YYYY-MM-DD', got "2026-02-30"/],
    ])('given malformed overrides %j, when listing, then it throws a RangeError naming the problem', (overrides, message) => {
      expect(() => colombianHolidays(2026, overrides)).toThrow(RangeError);
      expect(() => colombianHolidays(2026, overrides)).toThrow(message);
    });
  });

  it.each([1983, 2026.5, 10000, Number.NaN])('given the unsupported year %p, when listing, then it throws a RangeError', (year) => {
    expect(() => colombianHolidays(year)).toThrow(RangeError);
  });
});
