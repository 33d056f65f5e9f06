import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSubjectName } from './names.ts';

const same = (a: string, b: string) => assert.equal(normalizeSubjectName(a), normalizeSubjectName(b));
const different = (a: string, b: string) => assert.notEqual(normalizeSubjectName(a), normalizeSubjectName(b));

describe('subject name matching', () => {
  it('Chinese and ASCII brackets of every kind match each other', () => {
    same('济南信联科技有限公司（济阳）', '济南信联科技有限公司(济阳)');
    same('济南信联科技有限公司【济阳】', '济南信联科技有限公司[济阳]');
    same('济阳区某某合伙企业（有限合伙）', '济阳区某某合伙企业〔有限合伙〕');
  });

  it('whitespace anywhere, including the ideographic space, is ignored', () => {
    same('济南 信联科技\u3000有限公司', '济南信联科技有限公司');
    same(' 济南信联科技有限公司\n', '济南信联科技有限公司');
  });

  it('full-width Latin letters and digits match their half-width forms, case-insensitively', () => {
    same('济南ＡＢＣ科技有限公司', '济南abc科技有限公司');
    same('济南ABC科技有限公司', '济南Abc科技有限公司');
    same('济阳第１２３号门店', '济阳第123号门店');
  });

  it('有限责任公司 and 有限公司 are the same legal form', () => {
    same('济南信联科技有限责任公司', '济南信联科技有限公司');
    same('济南信联科技有限 责任公司', '济南信联科技有限公司');
  });

  it('股份有限公司 and 股份公司 are the same legal form', () => {
    same('山东信联股份有限公司', '山东信联股份公司');
  });

  it('a joint-stock company never matches a limited liability company of the same name', () => {
    different('山东信联股份有限公司', '山东信联有限公司');
    different('山东信联股份有限公司', '山东信联有限责任公司');
  });

  it('a branch never matches its head office', () => {
    different('济南信联科技有限公司济阳分公司', '济南信联科技有限公司');
    different('济南信联科技济阳分公司', '济南信联科技济阳公司');
    same('济南信联科技有限责任公司济阳分公司', '济南信联科技有限公司济阳分公司');
  });

  it('different names stay different', () => {
    different('济南信联科技有限公司', '济南信联网络有限公司');
    different('济南信联科技有限公司(济阳)', '济南信联科技有限公司(历城)');
  });

  it('the normalized form is stable when applied twice', () => {
    const once = normalizeSubjectName('山东 信联（集团）股份公司');
    assert.equal(normalizeSubjectName(once), once);
    assert.equal(once, '山东信联(集团)股份有限公司');
  });
});
