import { describe, expect, it } from 'vitest';
import { isBoilerplate } from '../../src/align/boilerplate.js';

describe('isBoilerplate', () => {
  it.each([
    'Baca Juga: Demi Keamanan Warga Sipil, Clubhouse Hapus Informasi Pribadi Pengguna di Afghanistan',
    'BACA JUGA : Harga BBM naik',
    'Editor: Bagus Putu Ardha Krisna Putra',
    'Sumber: New York Post',
    'Read also: Markets fall again',
    'Tags',
    'Terpopuler',
    '22 Agustus 2021, 21:45 WIB',
    'Minggu, 22 Agustus 2021 09:30 WIB',
    'Ilustrasi anggota Taliban dan Clubhouse /Reuters',
    'Presiden Joko Widodo di Istana Merdeka. (ANTARA FOTO/Sigid Kurniawan)',
  ])('flags %j', (line) => {
    expect(isBoilerplate(line)).toBe(true);
  });

  it.each([
    'Saat Taliban meraih tampuk kekuasaan Afghanistan, beberapa anggota kelompok ini masuk ke Clubhouse.',
    'The editor of the paper resigned on Monday.',
    'Sources said the talks would resume on 22 August 2021 in Doha, after a week of delays.',
    'Harga naik 3,5% pada bulan Mei.',
    'Dia membaca juga buku itu.',
  ])('leaves prose alone: %j', (line) => {
    expect(isBoilerplate(line)).toBe(false);
  });
});
