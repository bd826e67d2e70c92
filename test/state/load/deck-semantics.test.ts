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

describe('consumer identity (decK: username or custom_id)', () => {
  it('a custom_id-only consumer and one whose username has the same text are two consumers', () => {
    const state = load({ 'g.yaml': yaml('consumers: [{custom_id: abc}, {username: abc}]') });
    expect(keys(state)).toEqual(['consumer:default/custom_id:abc', 'consumer:default/abc']);
  });

  it('a group member named by custom_id is the consumer with that custom_id', () => {
    const state = load({ 'g.yaml': yaml('consumer_groups: [{name: gold, consumers: [{custom_id: abc}]}]', 'consumers: [{custom_id: abc}, {username: other}]') });
    expect(entity(state, 'consumer_group_member', 'default/gold/custom_id:abc').fields).toEqual({ consumer_group: 'gold', consumer: 'custom_id:abc' });
  });

  it('two consumers with the same custom_id are still declared twice', () => {
    expect(onlyProblem({ 'g.yaml': yaml('consumers: [{custom_id: abc}, {custom_id: abc}]') }).message).toContain('is declared twice');
  });
});
