// The hospital's name as a screen in this language shows it: the Devanagari
// one on a Hindi screen when the hospital has one, else the name it has.
import type { Language } from '../i18n';

export interface HospitalNames {
  hospitalName: string;
  hospitalNameHi: string;
}

export function hospitalNameIn(names: HospitalNames, language: Language): string {
  return language === 'hi' && names.hospitalNameHi.trim() !== '' ? names.hospitalNameHi : names.hospitalName;
}
