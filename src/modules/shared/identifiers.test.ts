import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import vectors from './identifiers.vectors.json' with { type: 'json' };
import {
  citizenIdCheckCharacter,
  inspectIdentifier,
  maskCitizenId,
  maskIdentifier,
  normalizeIdentifierInput,
  redactIdentifiersInText,
  upgradeLegacyCitizenId,
  usccCheckCharacter,
  usccKind,
  validateCitizenId,
  validateUscc,
} from './identifiers.ts';

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('unified social credit codes', () => {
  for (const code of vectors.uscc.valid) {
    it(`${code} is a valid USCC and is detected as one`, () => {
      assert.deepEqual(validateUscc(code), { valid: true, normalized: code, problems: [] });
      assert.equal(inspectIdentifier(code).type, 'uscc');
      assert.equal(inspectIdentifier(code).valid, true);
    });
  }

  for (const { code, why } of vectors.uscc.invalid) {
    it(`${code} is rejected (${why})`, () => {
      const result = validateUscc(code);
      assert.equal(result.valid, false);
      assert.equal(result.normalized, null);
      assert.ok(result.problems.some((p) => p.severity === 'error'));
      assert.equal(inspectIdentifier(code).valid, false);
    });
  }

  for (const { input, normalized } of vectors.uscc.normalize) {
    it(`input "${input}" is normalized to ${normalized}`, () => {
      assert.equal(validateUscc(input).normalized, normalized);
      assert.equal(inspectIdentifier(input).normalized, normalized);
    });
  }

  it('a USCC with a wrong check character is invalid and names the expected character', () => {
    const { problems } = validateUscc('91110000600037341N');
    assert.deepEqual(codes(problems), ['uscc.check_character']);
    assert.match(problems[0]!.message, /第18位校验码错误，应为 L/);
  });

  it('characters outside the code set are named in the problem', () => {
    const { problems } = validateUscc('9111000060003IOZSV');
    assert.deepEqual(codes(problems), ['identifier.charset']);
    assert.match(problems[0]!.message, /I、O、Z、S、V/);
  });

  it('letters in the division code positions are reported as such', () => {
    assert.ok(codes(validateUscc('913501A0M000100Y43').problems).includes('uscc.division_not_digits'));
  });

  it('a wrong length is reported with the actual length', () => {
    const { problems } = validateUscc('12345');
    assert.deepEqual(codes(problems), ['identifier.length']);
    assert.match(problems[0]!.message, /实际为5位/);
  });

  it('letters in the first two positions are allowed', () => {
    const body = 'Y1110000600037341';
    assert.equal(validateUscc(body + usccCheckCharacter(body)).valid, true);
  });

  it('a broken embedded organization code is only a warning and the code stays valid', () => {
    const body = '91110000600037351';
    const result = validateUscc(body + usccCheckCharacter(body));
    assert.equal(result.valid, true);
    assert.equal(result.normalized, body + usccCheckCharacter(body));
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.severity]),
      [['uscc.organization_code_check', 'warning']],
    );
  });

  it('the check character function reproduces every valid vector', () => {
    for (const code of vectors.uscc.valid) assert.equal(usccCheckCharacter(code.slice(0, 17)), code[17]);
  });

  it('an individual business is recognized by 9 then 2, everything else is an organization', () => {
    assert.equal(usccKind('92340602MA2PBMEM24'), 'individual_business');
    assert.equal(usccKind('91110000600037341L'), 'organization');
    assert.equal(usccKind('121200004013590816'), 'organization');
  });
});

describe('citizen ID numbers', () => {
  for (const id of vectors.citizenId.valid) {
    it(`${maskCitizenId(id)} is a valid citizen ID and is detected as one`, () => {
      assert.deepEqual(validateCitizenId(id), { valid: true, normalized: id, problems: [] });
      assert.equal(inspectIdentifier(id).type, 'citizen_id');
      assert.equal(inspectIdentifier(id).valid, true);
    });
  }

  for (const { code, why } of vectors.citizenId.invalid) {
    it(`an ID rejected for "${why}" never echoes the number in its messages`, () => {
      const result = validateCitizenId(code);
      assert.equal(result.valid, false);
      assert.equal(result.normalized, null);
      for (const problem of result.problems) {
        assert.doesNotMatch(problem.message, /\d{6}/);
        assert.ok(!problem.message.includes(code));
      }
      assert.equal(inspectIdentifier(code).valid, false);
    });
  }

  it('each kind of invalid ID gets its own problem code', () => {
    assert.deepEqual(codes(validateCitizenId('36042619910102009X').problems), ['citizen_id.check_character']);
    assert.deepEqual(codes(validateCitizenId('360426199113010079').problems), ['citizen_id.birth_date']);
    assert.deepEqual(codes(validateCitizenId('T60426199101010078').problems), ['citizen_id.format']);
    assert.deepEqual(codes(validateCitizenId('3604261991').problems), ['identifier.length']);
    assert.deepEqual(codes(validateCitizenId('  ').problems), ['identifier.empty']);
  });

  it('a birth date after today is rejected when today is given', () => {
    const body = '37010120300101001';
    const id = body + citizenIdCheckCharacter(body);
    assert.equal(validateCitizenId(id).valid, true);
    assert.deepEqual(codes(validateCitizenId(id, { today: '2026-03-01' }).problems), ['citizen_id.birth_date']);
  });

  it('a lower-case x is accepted and stored upper-case', () => {
    for (const { input, normalized } of vectors.citizenId.normalize) {
      assert.deepEqual(validateCitizenId(input), { valid: true, normalized, problems: [] });
      assert.equal(inspectIdentifier(input).normalized, normalized);
    }
  });

  it('full-width digits and spaces, including the ideographic space, are accepted', () => {
    const input = '　１１０１０５　１９４９１２３１００２ｘ ';
    assert.equal(normalizeIdentifierInput(input), '11010519491231002X');
    assert.equal(inspectIdentifier(input).normalized, '11010519491231002X');
  });

  it('a 15-digit legacy number is upgraded to its 18-digit form', () => {
    for (const { input, upgraded } of vectors.citizenId.legacy15) {
      assert.equal(upgradeLegacyCitizenId(input), upgraded);
      assert.deepEqual(validateCitizenId(input), { valid: true, normalized: upgraded, problems: [] });
      assert.deepEqual(inspectIdentifier(input), {
        type: 'citizen_id',
        valid: true,
        normalized: upgraded,
        problems: [],
      });
    }
  });

  it('a legacy number with an impossible birth date is rejected', () => {
    assert.deepEqual(codes(validateCitizenId('110105491331002').problems), ['citizen_id.birth_date']);
  });

  it('the check character function reproduces every valid vector', () => {
    for (const id of vectors.citizenId.valid) assert.equal(citizenIdCheckCharacter(id.slice(0, 17)), id[17]);
  });
});

describe('type detection', () => {
  it('an all-digit USCC is a USCC because its birth-date positions are not a date', () => {
    assert.equal(inspectIdentifier('121200004013590816').type, 'uscc');
  });

  it('an all-digit code with a plausible birth date that validates only as a USCC is a USCC', () => {
    // positions 7-14 read 19900101, but only the USCC check character matches
    const code = '123701199001010265';
    assert.notEqual(code[17], citizenIdCheckCharacter(code.slice(0, 17)));
    assert.deepEqual(inspectIdentifier(code), { type: 'uscc', valid: true, normalized: code, problems: [] });
    assert.equal(maskIdentifier(code), code);
  });

  it('a citizen ID with a wrong check character is still reported as a citizen ID', () => {
    const result = inspectIdentifier('36042619910102009X');
    assert.equal(result.type, 'citizen_id');
    assert.deepEqual(codes(result.problems), ['citizen_id.check_character']);
  });

  it('a value that validates both ways is treated as a citizen ID with a warning', () => {
    const bodies = Array.from({ length: 1000 }, (_, i) => `12370119900101${String(i).padStart(3, '0')}`);
    const shared = bodies.find((b) => usccCheckCharacter(b) === citizenIdCheckCharacter(b));
    assert.ok(shared);
    const result = inspectIdentifier(shared + citizenIdCheckCharacter(shared));
    assert.equal(result.type, 'citizen_id');
    assert.equal(result.valid, true);
    assert.deepEqual(codes(result.problems), ['identifier.ambiguous']);
  });

  it('any other length has no type and a length problem', () => {
    for (const value of ['12345', '9111000060003734', '91110000600037341LL', 'ABCDEFGHJKLMNPQ']) {
      const result = inspectIdentifier(value);
      assert.equal(result.type, null);
      assert.equal(result.valid, false);
      assert.deepEqual(codes(result.problems), ['identifier.length']);
    }
  });
});

describe('masking and redaction', () => {
  it('a citizen ID keeps its first and last four characters', () => {
    assert.equal(maskCitizenId('370101190102039973'), '3701**********9973');
    assert.equal(maskCitizenId('11010519491231002x'), '1101**********002X');
    assert.equal(maskCitizenId('110105491231002'), '1101*******1002');
  });

  it('maskIdentifier masks citizen IDs and leaves USCCs readable, all-digit ones included', () => {
    assert.equal(maskIdentifier('370101190102039973'), '3701**********9973');
    assert.equal(maskIdentifier('110105491231002'), '1101*******1002');
    assert.equal(maskIdentifier('91110000600037341L'), '91110000600037341L');
    assert.equal(maskIdentifier('121200004013590816'), '121200004013590816');
  });

  it('maskIdentifier masks an invalid but ID-shaped number rather than leak it', () => {
    assert.equal(maskIdentifier('36042619910102009X'), '3604**********009X');
  });

  it('every ID-shaped number in a text is masked, whatever surrounds it', () => {
    const text = '主体370101190102039973（另报11010519491231002x、旧号110105491231002）核查失败';
    assert.equal(
      redactIdentifiersInText(text),
      '主体3701**********9973（另报1101**********002X、旧号1101*******1002）核查失败',
    );
  });

  it('redaction leaves USCCs with letters, shorter numbers and longer digit runs alone', () => {
    const text = 'uscc=91110000600037341L id=12345 order=1234567890123456789 ts=20260101';
    assert.equal(redactIdentifiersInText(text), text);
  });

  it('redaction also masks full-width digits', () => {
    assert.equal(redactIdentifiersInText('号码：３７０１０１１９０１０２０３９９７３'), '号码：3701**********9973');
  });
});
