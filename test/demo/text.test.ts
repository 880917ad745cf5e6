import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {fold, likeMatcher, pythonRepr, pythonReprValue, pythonTuple} from '../../source/demo/text.js';

describe('fold', () => {
  test('removes accents and case like lower(unaccent(x))', () => {
    assert.equal(fold('Émilie'), 'emilie');
    assert.equal(fold('FRANÇOIS Zoë'), 'francois zoe');
    assert.equal(fold('Ødegaard Straße Łukasz'), 'odegaard strasse lukasz');
    assert.equal(fold('Γιώργος'), 'γιωργος');
    assert.equal(fold('山田'), '山田');
  });
});

describe('likeMatcher', () => {
  test('is a substring test without wildcards', () => {
    const match = likeMatcher('Milie', '\u0001');
    assert.equal(match('emilie tremblay'), true);
    assert.equal(match('emile'), false);
  });

  test('% and _ are SQL wildcards that never cross a column separator; \\ escapes', () => {
    assert.equal(likeMatcher('i%b', '\u0001')('emilie tremblay'), true);
    assert.equal(likeMatcher('i%b', '\u0001')('emilie\u0001tremblay'), false);
    assert.equal(likeMatcher('t_emblay', '\u0001')('tremblay'), true);
    assert.equal(likeMatcher('100\\%', '\u0001')('100%'), true);
    assert.equal(likeMatcher('100\\%', '\u0001')('1000'), false);
    assert.equal(likeMatcher('a.b', '\u0001')('axb'), false);
  });
});

describe('Python repr', () => {
  test('strings pick their quote like Python and escape control characters', () => {
    assert.equal(pythonRepr('abc'), "'abc'");
    assert.equal(pythonRepr("it's"), '"it\'s"');
    assert.equal(pythonRepr(`it's "x"`), `'it\\'s "x"'`);
    assert.equal(pythonRepr('a\nb\u001b\\'), "'a\\nb\\x1b\\\\'");
    assert.equal(pythonRepr('\u202Eé'), "'\\u202eé'");
  });

  test('tuples as str() prints them', () => {
    assert.equal(pythonTuple(['tok', 'confd.users.read']), "('tok', 'confd.users.read')");
    assert.equal(pythonTuple(['tok', 'confd.users.read', null]), "('tok', 'confd.users.read', None)");
    assert.equal(pythonTuple(['x']), "('x',)");
  });

  test('dicts and lists as marshmallow messages print', () => {
    assert.equal(
      pythonReprValue({limit: [{constraint_id: 'range', constraint: {min: 0}, message: 'Must be greater than or equal to 0.'}]}),
      "{'limit': [{'constraint_id': 'range', 'constraint': {'min': 0}, 'message': 'Must be greater than or equal to 0.'}]}",
    );
    assert.equal(pythonReprValue([true, false, null, 3]), '[True, False, None, 3]');
  });
});
