import { consumerCredential } from './credential.js';

export const acl = consumerCredential({
  kind: 'acl',
  title: 'ACL group',
  segment: 'acls',
  all: 'acls',
  deck: 'acls',
  name: 'group',
});
