/** How deeply markup nests and how many elements it opens, measured before any parser sees it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countElements, measureNesting } from './measure-nesting.ts';

describe('measureNesting', () => {
  const cases: Array<[string, number]> = [
    ['<div><p>plain</p></div>', 1],
    ['<div><div><span>x</span></div></div>', 3],
    ['<div><br><img src=x><hr/><input></div>', 1],
    ['<ul><li>a<li>b<li>c</ul>', 1],
    ['<p>one<p>two<p>three', 0],
    ['<div><script>"<div><div><div>"</script></div>', 1],
    ['<div><!-- <div><div><div> --></div>', 1],
    ['</div></div><b>x</b>', 1],
    [`${'<div>'.repeat(50)}x${'</div>'.repeat(50)}`, 50],
  ];
  for (const [html, depth] of cases) it(`${html.slice(0, 40)} → ${depth}`, () => assert.equal(measureNesting(html, 1000), depth));

  it('stops as soon as the limit is passed', () => {
    assert.equal(measureNesting('<i>'.repeat(100_000), 400), 401);
  });
});

describe('countElements', () => {
  const cases: Array<[string, number]> = [
    ['<p>a</p><p>b</p>', 2],
    ['a < b and c > d', 0],
    ['<!-- x --><?xml version="1.0"?><!doctype html><br>', 1],
    ['<span></span>'.repeat(20), 20],
  ];
  for (const [html, count] of cases) it(`${html.slice(0, 40)} → ${count}`, () => assert.equal(countElements(html, 1000), count));

  it('stops counting past the limit', () => {
    assert.equal(countElements('<b></b>'.repeat(5000), 100), 101);
  });
});
