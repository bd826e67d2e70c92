/**
 * Every file (or directory) under bad-input/ with the one line konsync must print for it: where (`line:column` in the
 * named file, when there is one) and what. Run by bad-input.test.ts with `diff -s` (plans with `apply`).
 */
export interface BadInput {
  /** `line:column` in the file the message names; undefined where the input has no position (a directory). */
  at?: string;
  /** Part of the message that says what is wrong. */
  says: string;
  /** The file the message names, relative to the case (directories); defaults to the case itself. */
  file?: string;
  /**
   * `validate` for inputs only Konnect can prove wrong (a plugin name may be a custom plugin Konnect holds): `diff`
   * reads live state to decide, so only offline validation can show 0 requests.
   */
  offline?: true;
}

export const BAD_INPUTS: Record<string, BadInput> = {
  'yaml-unclosed-flow.yaml': { at: '4:1', says: 'invalid YAML: Flow' },
  'yaml-unclosed-map.yaml': { at: '4:1', says: 'invalid YAML: Flow' },
  'yaml-bad-indent.yaml': { at: '4:11', says: 'invalid YAML: Nested mappings are not allowed in compact mappings' },
  'yaml-tab-indent.yaml': { at: '4:1', says: 'invalid YAML: Tabs are not allowed as indentation' },
  'yaml-unterminated-quote.yaml': { at: '6:1', says: 'invalid YAML: Missing closing "quote' },
  'yaml-duplicate-key.yaml': { at: '5:5', says: 'invalid YAML: Map keys must be unique' },
  'yaml-seq-and-map.yaml': { at: '5:1', says: 'invalid YAML: All mapping items must start at the same column' },
  'yaml-undefined-alias.yaml': { at: '4:5', says: 'nothing' },
  'yaml-bad-escape.yaml': { at: '4:13', says: 'invalid YAML: Invalid escape sequence \\q' },
  'yaml-two-documents.yaml': { at: '3:1', says: 'invalid YAML: Source contains multiple documents' },
  'yaml-scalar-root.yaml': { at: '1:1', says: 'must be of type object' },
  'yaml-list-root.yaml': { at: '1:1', says: 'must be of type object' },
  'json-broken.json': { at: '2:1', says: 'invalid YAML: Flow' },
  'alias-bomb.yaml': { at: '2:8', says: 'alias' },
  'type-services-not-list.yaml': { at: '3:1', says: 'services: must be of type array' },
  'type-port-string.yaml': { at: '6:5', says: 'services[0].port: must be of type integer' },
  'type-port-range.yaml': { at: '6:5', says: 'services[0].port: must be <= 65535' },
  'type-protocol.yaml': { at: '6:5', says: 'services[0].protocol: must be one of: "grpc"' },
  'type-routes-map.yaml': { at: '8:5', says: 'services[0].routes: must be of type array' },
  'type-paths-string.yaml': { at: '10:9', says: 'services[0].routes[0].paths: must be of type array or null' },
  'type-plugin-config.yaml': { at: '5:5', says: 'plugins[0].config: must be of type object' },
  'type-control-planes-string.yaml': { at: '1:1', says: 'control_planes: must be of type array' },
  'type-labels-list.yaml': { at: '3:5', says: 'control_planes[0].labels: must be of type object' },
  'type-tags-number.yaml': { at: '6:5', says: 'services[0].tags: must be of type array' },
  'type-retries-negative.yaml': { at: '6:5', says: 'services[0].retries: must be >= 0' },
  'type-name-null.yaml': { at: '4:5', says: 'services[0].name: must be of type string' },
  'type-consumer-number.yaml': { at: '4:5', says: 'consumers[0].username: must be of type string' },
  'empty-name.yaml': { at: '4:5', says: 'service "(unnamed)" cannot be identified' },
  'unknown-top-level.yaml': { at: '3:1', says: 'unknown key "servces" (did you mean "services"?)' },
  'unknown-service-field.yaml': { at: '5:5', says: 'unknown key "hots" (did you mean "host"?)' },
  'unknown-route-field.yaml': { at: '10:9', says: 'unknown key "pahts" (did you mean "paths"?)' },
  'unknown-plugin-field.yaml': { at: '5:5', says: 'unknown key "confg" (did you mean "config"?)' },
  'unknown-konnect-field.yaml': { at: '2:13', says: 'unknown key "control_plane_nme" (did you mean "control_plane_name"?)' },
  'unknown-control-plane-field.yaml': { at: '3:5', says: 'unknown key "lables" (did you mean "labels"?)' },
  'unknown-plugin-name': { file: 'gw.yaml', at: '4:5', says: 'corz', offline: true },
  'ref-target-upstream.yaml': { at: '3:1', says: 'targets: unknown key "targets"' },
  'dup-across-files': { file: 'b.yaml', at: '4:5', says: 'service "cp/s" is declared twice' },
  'dup-control-plane': { file: 'b.yaml', at: '2:5', says: 'control plane "cp" is declared twice' },
  'dup-in-file.yaml': { at: '8:5', says: 'service "cp/s" is declared twice' },
  'dup-consumer.yaml': { at: '5:5', says: 'consumer "cp/u" is declared twice' },
  'dup-route.yaml': { at: '11:9', says: 'route "cp/r" is declared twice' },
  'ref-route-service.yaml': { at: '6:5', says: 'references service "nope", which no file declares' },
  'ref-plugin-service.yaml': { at: '5:5', says: 'references service "nope", which no file declares' },
  'ref-plugin-route.yaml': { at: '5:5', says: 'references route "nope", which no file declares' },
  'ref-member-consumer.yaml': { at: '6:9', says: 'references consumer group "nope", which no file declares' },
  'ref-partial.yaml': { at: '7:9', says: 'references partial "nope", which no file declares' },
  'guard-route-no-matchers': { file: 'gw.yaml', at: '9:9', says: 'route' },
  'guard-network-az.yaml': { at: '7:7', says: 'has host bits set' },
  'guard-network-cidr.yaml': { at: '7:7', says: 'is not an IPv4 CIDR block' },
  'guard-network-overlap.yaml': { at: '12:7', says: 'is too small for 3 availability zones' },
  'guard-lua-syntax.yaml': { at: '6:5', says: 'Lua syntax error' },
  'guard-lua-oversized.yaml': { at: '6:5', says: 'Konnect accepts at most 102400 bytes (100 KB) per plugin file' },
  'file-handler-outside': { file: 'gw.yaml', at: '6:5', says: 'is outside' },
  'file-handler-missing.yaml': { at: '6:5', says: 'handler_file: cannot read' },
  'symlink-loop': { says: 'nothing to load' },
  'env-unset-deck.yaml': { at: '7:22', says: "environment variable 'DECK_RELIABILITY_UNSET' present in state file but not set" },
  'env-not-deck.yaml': { at: '7:22', says: "must be prefixed with 'DECK_', found: 'KONNECT_TOKEN'" },
  'env-bad-template.yaml': { at: '7:22', says: 'unsupported template expression' },
  'binary-garbage.yaml': { at: '1:5', says: 'UTF-8' },
  'invalid-utf8.yaml': { at: '4:14', says: 'UTF-8' },
  'utf16.yaml': { at: '1:1', says: 'UTF-8' },
  'bom.yaml': { at: '3:1', says: 'unknown key "servces"' },
  'plan-truncated.json': { at: '1:1', says: 'not JSON' },
  'plan-garbage.json': { at: '1:1', says: 'not a konsync plan' },
};

