import { describe, expect, it } from 'vitest';
import { entity, keys, load, onlyProblem, yaml } from './helpers.js';

describe('consumers listed under consumer_groups[].consumers (decK declares them)', () => {
  it('declares a consumer no other list declares, and its membership', () => {
    const state = load({ 'g.yaml': yaml('consumer_groups:', '- name: gold', '  consumers: [{username: alice, custom_id: A1, tags: [t]}]') });
    expect(keys(state)).toEqual(['consumer_group:default/gold', 'consumer:default/alice', 'consumer_group_member:default/gold/alice']);
    expect(entity(state, 'consumer', 'default/alice').fields).toEqual({ username: 'alice', custom_id: 'A1', tags: ['t'] });
    expect(entity(state, 'consumer', 'default/alice').source).toMatchObject({ path: 'consumer_groups[0].consumers[0]' });
  });

  it('one consumer listed in two groups is one consumer in both', () => {
    const state = load({ 'g.yaml': yaml('consumer_groups:', '- {name: gold, consumers: [{username: alice}]}', '- {name: silver, consumers: [{username: alice}]}') });
    expect(keys(state).filter((key) => key.startsWith('consumer:'))).toEqual(['consumer:default/alice']);
    expect(keys(state)).toContain('consumer_group_member:default/silver/alice');
  });

  it('a top-level declaration of the same consumer wins', () => {
    const state = load({
      'g.yaml': yaml('consumer_groups: [{name: gold, consumers: [{username: alice}]}]', 'consumers: [{username: alice, custom_id: A1, tags: [full]}]'),
    });
    expect(entity(state, 'consumer', 'default/alice').fields).toEqual({ username: 'alice', custom_id: 'A1', tags: ['full'] });
  });

  it('gets the file select tags', () => {
    const state = load({ 'g.yaml': yaml('_info: {select_tags: [team]}', 'consumer_groups: [{name: gold, consumers: [{username: alice}]}]') });
    expect(entity(state, 'consumer', 'default/alice').fields.tags).toEqual(['team']);
  });

  it('stays a reference when the file looks consumers up by tags (decK uses the looked-up one)', () => {
    const state = load({ 'g.yaml': yaml('_info: {default_lookup_tags: {consumers: [global]}}', 'consumer_groups: [{name: gold, consumers: [{username: alice}]}]') });
    expect(keys(state)).toEqual(['consumer_group:default/gold', 'consumer_group_member:default/gold/alice']);
  });

  it('a consumer in an undeclared group is still refused', () => {
    expect(onlyProblem({ 'g.yaml': yaml('consumers: [{username: alice, groups: [{name: nope}]}]') }).message).toContain('references consumer group "nope"');
  });
});
