// Values Konnect fills in when a field is not sent, per kind (`plugin:<name>`, `partial:<type>`, `vault:<name>`),
// and the array fields whose order does not matter. Collected from Konnect's specs, Kong's entity schemas and decK's
// integration tests against live Konnect. Partial configs list only non-null values: Konnect drops null keys there.
import type { JsonObject } from '../model/json.js';

export const KONNECT_DEFAULTS: Record<string, JsonObject> = {
  "service": {
    "ca_certificates": null,
    "client_certificate": null,
    "connect_timeout": 60000,
    "enabled": true,
    "name": null,
    "path": null,
    "port": 80,
    "protocol": "http",
    "read_timeout": 60000,
    "retries": 5,
    "tags": null,
    "tls_sans": null,
    "tls_verify": null,
    "tls_verify_depth": null,
    "write_timeout": 60000
  },
  "route": {
    "destinations": null,
    "headers": null,
    "hosts": null,
    "https_redirect_status_code": 426,
    "methods": null,
    "name": null,
    "path_handling": "v0",
    "paths": null,
    "preserve_host": false,
    "protocols": [
      "http",
      "https"
    ],
    "regex_priority": 0,
    "request_buffering": true,
    "response_buffering": true,
    "service": null,
    "snis": null,
    "sources": null,
    "strip_path": true,
    "tags": null
  },
  "route:expression": {
    "https_redirect_status_code": 426,
    "name": null,
    "preserve_host": false,
    "priority": 0,
    "protocols": [
      "http",
      "https"
    ],
    "request_buffering": true,
    "response_buffering": true,
    "service": null,
    "strip_path": true,
    "tags": null
  },
  "consumer": {
    "custom_id": null,
    "tags": null,
    "username": null
  },
  "consumer_group": {
    "tags": null
  },
  "upstream": {
    "algorithm": "round-robin",
    "client_certificate": null,
    "hash_fallback": "none",
    "hash_fallback_header": null,
    "hash_fallback_query_arg": null,
    "hash_fallback_uri_capture": null,
    "hash_on": "none",
    "hash_on_cookie": null,
    "hash_on_cookie_path": "/",
    "hash_on_header": null,
    "hash_on_query_arg": null,
    "hash_on_uri_capture": null,
    "healthchecks": {
      "active": {
        "concurrency": 10,
        "headers": null,
        "healthy": {
          "http_statuses": [
            200,
            302
          ],
          "interval": 0,
          "successes": 0
        },
        "http_path": "/",
        "https_sni": null,
        "https_verify_certificate": true,
        "timeout": 1,
        "type": "http",
        "unhealthy": {
          "http_failures": 0,
          "http_statuses": [
            429,
            404,
            500,
            501,
            502,
            503,
            504,
            505
          ],
          "interval": 0,
          "tcp_failures": 0,
          "timeouts": 0
        }
      },
      "passive": {
        "healthy": {
          "http_statuses": [
            200,
            201,
            202,
            203,
            204,
            205,
            206,
            207,
            208,
            226,
            300,
            301,
            302,
            303,
            304,
            305,
            306,
            307,
            308
          ],
          "successes": 0
        },
        "type": "http",
        "unhealthy": {
          "http_failures": 0,
          "http_statuses": [
            429,
            500,
            503
          ],
          "tcp_failures": 0,
          "timeouts": 0
        }
      },
      "threshold": 0
    },
    "host_header": null,
    "slots": 10000,
    "sticky_sessions_cookie": null,
    "sticky_sessions_cookie_path": "/",
    "tags": null,
    "use_srv_name": false
  },
  "target": {
    "failover": false,
    "tags": null,
    "weight": 100
  },
  "vault": {
    "config": {},
    "description": null,
    "tags": null
  },
  "vault:env": {
    "config": {
      "base64_decode": false
    },
    "description": null,
    "tags": null
  },
  "vault:aws": {
    "config": {
      "base64_decode": false,
      "role_session_name": "KongVault"
    },
    "description": null,
    "tags": null
  },
  "vault:gcp": {
    "config": {
      "base64_decode": false
    },
    "description": null,
    "tags": null
  },
  "vault:azure": {
    "config": {
      "base64_decode": false,
      "credentials_prefix": "AZURE",
      "type": "secrets"
    },
    "description": null,
    "tags": null
  },
  "vault:conjur": {
    "config": {
      "auth_method": "api_key",
      "base64_decode": false
    },
    "description": null,
    "tags": null
  },
  "vault:hcv": {
    "config": {
      "auth_method": "token",
      "base64_decode": false,
      "kube_auth_path": "kubernetes",
      "kv": "v1",
      "mount": "secret",
      "protocol": "http"
    },
    "description": null,
    "tags": null
  },
  "partial:redis-ee": {
    "config": {
      "cluster_max_redirections": 5,
      "connect_timeout": 2000,
      "connection_is_proxied": false,
      "database": 0,
      "host": "127.0.0.1",
      "keepalive_pool_size": 256,
      "port": 6379,
      "read_timeout": 2000,
      "send_timeout": 2000,
      "ssl": false,
      "ssl_verify": false
    },
    "name": null,
    "tags": null
  },
  "partial:redis-ce": {
    "config": {
      "database": 0,
      "port": 6379,
      "ssl": false,
      "ssl_verify": false,
      "timeout": 2000
    },
    "name": null,
    "tags": null
  },
  "plugin": {
    "condition": null,
    "consumer": null,
    "consumer_group": null,
    "enabled": true,
    "instance_name": null,
    "ordering": null,
    "partials": null,
    "protocols": [
      "grpc",
      "grpcs",
      "http",
      "https"
    ],
    "route": null,
    "service": null,
    "tags": null
  },
  "plugin:rate-limiting-advanced": {
    "condition": null,
    "config": {
      "compound_identifier": null,
      "consumer_groups": null,
      "counter_key": null,
      "dictionary_name": "kong_rate_limiting_counters",
      "disable_penalty": false,
      "enforce_consumer_groups": false,
      "error_code": 429,
      "error_message": "API rate limit exceeded",
      "header_name": null,
      "hide_client_headers": false,
      "identifier": "consumer",
      "limit": null,
      "lock_dictionary_name": "kong_locks",
      "namespace": null,
      "path": null,
      "redis": {
        "cloud_authentication": null,
        "cluster_addresses": null,
        "cluster_max_redirections": 5,
        "cluster_nodes": null,
        "connect_timeout": 2000,
        "connection_is_proxied": false,
        "database": 0,
        "host": "127.0.0.1",
        "keepalive_backlog": null,
        "keepalive_pool_size": 256,
        "password": null,
        "port": 6379,
        "read_timeout": 2000,
        "redis_proxy_type": null,
        "send_timeout": 2000,
        "sentinel_addresses": null,
        "sentinel_master": null,
        "sentinel_nodes": null,
        "sentinel_password": null,
        "sentinel_role": null,
        "sentinel_username": null,
        "server_name": null,
        "ssl": false,
        "ssl_verify": false,
        "timeout": 2000,
        "username": null
      },
      "retry_after_jitter_max": 0,
      "strategy": "local",
      "sync_rate": null,
      "throttling": null,
      "window_size": null,
      "window_type": "sliding"
    },
    "consumer": null,
    "consumer_group": null,
    "enabled": true,
    "instance_name": null,
    "ordering": null,
    "partials": null,
    "protocols": [
      "grpc",
      "grpcs",
      "http",
      "https"
    ],
    "route": null,
    "service": null,
    "tags": null
  },
  "plugin:rate-limiting": {
    "condition": null,
    "config": {
      "day": null,
      "error_code": 429,
      "error_message": "API rate limit exceeded",
      "fault_tolerant": true,
      "header_name": null,
      "hide_client_headers": false,
      "hour": null,
      "limit_by": "consumer",
      "minute": null,
      "month": null,
      "path": null,
      "policy": "local",
      "redis": {
        "cloud_authentication": null,
        "database": 0,
        "host": null,
        "password": null,
        "port": 6379,
        "server_name": null,
        "ssl": false,
        "ssl_verify": false,
        "timeout": 2000,
        "username": null
      },
      "redis_database": 0,
      "redis_host": null,
      "redis_password": null,
      "redis_port": 6379,
      "redis_server_name": null,
      "redis_ssl": false,
      "redis_ssl_verify": false,
      "redis_timeout": 2000,
      "redis_username": null,
      "second": null,
      "sync_rate": -1,
      "year": null
    },
    "consumer": null,
    "consumer_group": null,
    "enabled": true,
    "instance_name": null,
    "ordering": null,
    "partials": null,
    "protocols": [
      "grpc",
      "grpcs",
      "http",
      "https"
    ],
    "route": null,
    "service": null,
    "tags": null
  },
  "plugin:request-transformer": {
    "condition": null,
    "config": {
      "add": {
        "body": [],
        "headers": [],
        "querystring": []
      },
      "append": {
        "body": [],
        "headers": [],
        "querystring": []
      },
      "http_method": null,
      "remove": {
        "body": [],
        "headers": [],
        "querystring": []
      },
      "rename": {
        "body": [],
        "headers": [],
        "querystring": []
      },
      "replace": {
        "body": [],
        "headers": [],
        "querystring": [],
        "uri": null
      }
    },
    "consumer": null,
    "consumer_group": null,
    "enabled": true,
    "instance_name": null,
    "ordering": null,
    "partials": null,
    "protocols": [
      "grpc",
      "grpcs",
      "http",
      "https"
    ],
    "route": null,
    "service": null,
    "tags": null
  },
  "plugin:cors": {
    "condition": null,
    "config": {
      "allow_origin_absent": true,
      "credentials": false,
      "exposed_headers": null,
      "headers": null,
      "max_age": null,
      "methods": [
        "GET",
        "HEAD",
        "PUT",
        "PATCH",
        "POST",
        "DELETE",
        "OPTIONS",
        "TRACE",
        "CONNECT"
      ],
      "origins": null,
      "preflight_continue": false,
      "private_network": false
    },
    "consumer": null,
    "consumer_group": null,
    "enabled": true,
    "instance_name": null,
    "ordering": null,
    "partials": null,
    "protocols": [
      "grpc",
      "grpcs",
      "http",
      "https"
    ],
    "route": null,
    "service": null,
    "tags": null
  },
  "plugin:key-auth": {
    "condition": null,
    "config": {
      "anonymous": null,
      "hide_credentials": false,
      "identity_realms": [
        {
          "id": null,
          "region": null,
          "scope": "cp"
        }
      ],
      "key_in_body": false,
      "key_in_header": true,
      "key_in_query": true,
      "key_names": [
        "apikey"
      ],
      "principals": {
        "directory": "default",
        "enabled": false,
        "error_on_miss": true
      },
      "realm": null,
      "run_on_preflight": true
    },
    "consumer": null,
    "consumer_group": null,
    "enabled": true,
    "instance_name": null,
    "ordering": null,
    "partials": null,
    "protocols": [
      "grpc",
      "grpcs",
      "http",
      "https",
      "ws",
      "wss"
    ],
    "route": null,
    "service": null,
    "tags": null
  },
  "plugin:correlation-id": {
    "condition": null,
    "config": {
      "echo_downstream": false,
      "generator": "uuid#counter",
      "header_name": "Kong-Request-ID"
    },
    "consumer": null,
    "consumer_group": null,
    "enabled": true,
    "instance_name": null,
    "ordering": null,
    "partials": null,
    "protocols": [
      "grpc",
      "grpcs",
      "http",
      "https"
    ],
    "route": null,
    "service": null,
    "tags": null
  },
  "plugin:prometheus": {
    "condition": null,
    "config": {
      "ai_metrics": false,
      "bandwidth_metrics": false,
      "latency_metrics": false,
      "per_consumer": false,
      "status_code_metrics": false,
      "upstream_health_metrics": false,
      "wasm_metrics": false
    },
    "consumer": null,
    "consumer_group": null,
    "enabled": true,
    "instance_name": null,
    "ordering": null,
    "partials": null,
    "protocols": [
      "grpc",
      "grpcs",
      "http",
      "https"
    ],
    "route": null,
    "service": null,
    "tags": null
  },
  "plugin:ip-restriction": {
    "condition": null,
    "config": {
      "allow": null,
      "deny": null,
      "message": null,
      "status": null
    },
    "consumer": null,
    "consumer_group": null,
    "enabled": true,
    "instance_name": null,
    "ordering": null,
    "partials": null,
    "protocols": [
      "http",
      "https",
      "tcp",
      "tls",
      "grpc",
      "grpcs"
    ],
    "route": null,
    "service": null,
    "tags": null
  },
  "plugin:jwt": {
    "condition": null,
    "config": {
      "anonymous": null,
      "claims_to_verify": null,
      "cookie_names": [],
      "header_names": [
        "authorization"
      ],
      "key_claim_name": "iss",
      "maximum_expiration": 0,
      "realm": null,
      "run_on_preflight": true,
      "secret_is_base64": false,
      "uri_param_names": [
        "jwt"
      ]
    },
    "consumer": null,
    "consumer_group": null,
    "enabled": true,
    "instance_name": null,
    "ordering": null,
    "partials": null,
    "protocols": [
      "grpc",
      "grpcs",
      "http",
      "https"
    ],
    "route": null,
    "service": null,
    "tags": null
  },
  "plugin:acl": {
    "condition": null,
    "config": {
      "allow": null,
      "always_use_authenticated_groups": false,
      "deny": null,
      "hide_groups_header": false,
      "include_consumer_groups": false
    },
    "consumer": null,
    "consumer_group": null,
    "enabled": true,
    "instance_name": null,
    "ordering": null,
    "partials": null,
    "protocols": [
      "grpc",
      "grpcs",
      "http",
      "https"
    ],
    "route": null,
    "service": null,
    "tags": null
  }
};

export const KONNECT_SETS: Record<string, string[]> = {
  "service": [
    "tags"
  ],
  "route": [
    "protocols",
    "tags",
    "methods",
    "snis",
    "sources",
    "destinations"
  ],
  "route:expression": [
    "protocols",
    "tags"
  ],
  "consumer": [
    "tags"
  ],
  "consumer_group": [
    "tags"
  ],
  "upstream": [
    "tags"
  ],
  "target": [
    "tags"
  ],
  "vault": [
    "tags"
  ],
  "vault:env": [
    "tags"
  ],
  "vault:aws": [
    "tags"
  ],
  "vault:gcp": [
    "tags"
  ],
  "vault:azure": [
    "tags"
  ],
  "vault:conjur": [
    "tags"
  ],
  "vault:hcv": [
    "tags"
  ],
  "partial:redis-ee": [
    "tags"
  ],
  "partial:redis-ce": [
    "tags"
  ],
  "plugin": [
    "protocols",
    "tags"
  ],
  "plugin:rate-limiting-advanced": [
    "protocols",
    "tags"
  ],
  "plugin:rate-limiting": [
    "protocols",
    "tags"
  ],
  "plugin:request-transformer": [
    "protocols",
    "tags"
  ],
  "plugin:cors": [
    "protocols",
    "tags"
  ],
  "plugin:key-auth": [
    "protocols",
    "tags"
  ],
  "plugin:correlation-id": [
    "protocols",
    "tags"
  ],
  "plugin:prometheus": [
    "protocols",
    "tags"
  ],
  "plugin:ip-restriction": [
    "protocols",
    "tags"
  ],
  "plugin:jwt": [
    "protocols",
    "tags",
    "config.uri_param_names",
    "config.cookie_names",
    "config.claims_to_verify",
    "config.header_names"
  ],
  "plugin:acl": [
    "protocols",
    "tags"
  ]
};
