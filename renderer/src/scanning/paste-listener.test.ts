// Which pasted texts go down the scan path: signed cards and ABHA JSON, not
// names or ids typed into the search box by paste.
import { describe, expect, it } from 'vitest';
import { looksLikeCardText } from './paste-listener';

describe('looksLikeCardText', () => {
  it('takes the hospital card in both forms and ABHA card JSON, in any case', () => {
    for (const t of ['shc:/5676', 'HHC1:PWGSLKC 4OR8VB43LC', 'hhc1:pwgslkc 4or8vb43lc', ' {"hidn":"1"} '])
      expect(looksLikeCardText(t), t).toBe(true);
  });
  it('leaves names, phone numbers and ids to the search box', () => {
    for (const t of ['Sunita Devi', '9812345678', 'LNH-B26-000173-4', 'HC1:NCFOXN%TS3DH'])
      expect(looksLikeCardText(t), t).toBe(false);
  });
});
