import { describe, expect, it } from 'vitest';
import { findDates, sameDate } from '../../src/compare/index.js';

describe('findDates', () => {
  it.each<[string, Array<[string, Record<string, number | boolean>]>]>([
    ['Saturday, July 30, a spokesman appeared.', [['Saturday, July 30', { weekday: 6, month: 7, day: 30 }]]],
    ['Pada Sabtu, 30 Juli 2022 ia tampil.', [['Sabtu, 30 Juli 2022', { weekday: 6, day: 30, month: 7, year: 2022 }]]],
    ['on the 5th of May', [['the 5th of May', { day: 5, month: 5 }]]],
    ["Saturday's blast", [["Saturday's", { weekday: 6 }]]],
    ['pada maret lalu', [['maret', { month: 3 }]]],
    ['in September 1998', [['September 1998', { month: 9, year: 1998 }]]],
    ['Jakarta, Minggu (22/8)', [['Minggu (22/8)', { weekday: 0, day: 22, month: 8 }]]],
    ['22 Agustus 2021, 21:45 WIB', [['22 Agustus 2021', { day: 22, month: 8, year: 2021 }], ['21:45 WIB', { minutes: 21 * 60 + 45, halfDay: true }]]],
    ['at 9 p.m. sharp', [['9 p.m.', { minutes: 21 * 60, halfDay: true }]]],
    ['pukul 9 malam', [['pukul 9 malam', { minutes: 21 * 60, halfDay: true }]]],
    // Which half of the day a time is: a leading zero says it, a bare hour does not.
    ['pukul 09:00 waktu setempat', [['pukul 09:00', { minutes: 9 * 60, halfDay: true }]]],
    ['pukul 9.30', [['pukul 9.30', { minutes: 9 * 60 + 30 }]]],
    // Not dates: the verb may, "minggu" as a week, nights, plain numbers.
    ['May I ask?', []],
    ['You may go in March.', [['March', { month: 3 }]]],
    ['Minggu lalu harga turun, dua minggu kemudian naik.', []],
    ['Mereka menginap 2 malam.', []],
    ['It rose 10.30 percent.', []],
  ])('%s', (text, expected) => {
    expect(findDates(text).map((date) => [date.surface, date.readings[0]])).toEqual(expected);
  });

  it.each<[string, string, boolean]>([
    ['Saturday, July 30', 'Sabtu, 30 Juli', true],
    ['July 30', '30 Juli 2022', true],
    ['on Saturday', 'pada Minggu', false],
    ['July 30', '31 Juli', false],
    ['January 7 and 8', '8 Januari', true],
    ['on 8/7', 'August 7', true],
    ['on 8/7', '8 Juli', true],
    ['9 p.m.', 'pukul 21.00', true],
    ['9 p.m.', 'pukul 9 malam', true],
    ['9 p.m.', 'pukul 10 malam', false],
    // Both say the half of the day: 9 p.m. is not nine in the morning; a bare "pukul 9" may be either.
    ['9 p.m.', 'pukul 09:00', false],
    ['9 a.m.', 'pukul 21.00', false],
    ['9 p.m.', 'pukul 9 pagi', false],
    ['9 p.m.', 'pukul 9', true],
    ['9 p.m.', 'pukul 9.00', true],
    ['July', 'pukul 7', false],
  ])('%s / %s: %s', (a, b, expected) => {
    const [first] = findDates(a);
    const [second] = findDates(b);
    expect(sameDate(first!, second!)).toBe(expected);
  });
});
