// GENERATED from control-planes-config.v2.yaml by test/conformance/spec-derived.ts: do not edit by hand.
// The AI partial types as Kong validates them: declared records closed, nullable only where the spec says (and a
// top-level config key, which Konnect reads as unset), referenceable fields open to `{vault://...}`.
import type { Schema } from './common.js';

export const AI_PARTIAL_SCHEMAS: Record<string, Schema> = {
  "embeddings": {
    "type": "object",
    "properties": {
      "config": {
        "type": "object",
        "properties": {
          "auth": {
            "type": [
              "object",
              "null"
            ],
            "properties": {
              "allow_override": {
                "type": "boolean"
              },
              "aws_access_key_id": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "aws_secret_access_key": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "azure_client_id": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "azure_client_secret": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "azure_tenant_id": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "azure_use_managed_identity": {
                "type": "boolean"
              },
              "gcp_metadata_url": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "gcp_oauth_token_url": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "gcp_service_account_json": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "gcp_use_service_account": {
                "type": "boolean"
              },
              "header_name": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "header_value": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "param_location": {
                "type": "string",
                "enum": [
                  "body",
                  "query"
                ]
              },
              "param_name": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "param_value": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              }
            },
            "additionalProperties": false
          },
          "model": {
            "type": [
              "object",
              "null"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "options": {
                "type": "object",
                "properties": {
                  "azure": {
                    "type": "object",
                    "properties": {
                      "api_version": {
                        "type": "string"
                      },
                      "deployment_id": {
                        "type": "string"
                      },
                      "instance": {
                        "type": "string"
                      }
                    },
                    "additionalProperties": false
                  },
                  "bedrock": {
                    "type": "object",
                    "properties": {
                      "aws_assume_role_arn": {
                        "type": "string"
                      },
                      "aws_region": {
                        "type": "string"
                      },
                      "aws_role_session_name": {
                        "type": "string"
                      },
                      "aws_sts_endpoint_url": {
                        "type": "string"
                      },
                      "batch_bucket_prefix": {
                        "type": "string"
                      },
                      "batch_role_arn": {
                        "type": "string"
                      },
                      "embeddings_normalize": {
                        "type": "boolean"
                      },
                      "performance_config_latency": {
                        "type": "string"
                      },
                      "video_output_s3_uri": {
                        "type": "string"
                      }
                    },
                    "additionalProperties": false
                  },
                  "gemini": {
                    "type": "object",
                    "properties": {
                      "api_endpoint": {
                        "type": "string"
                      },
                      "location_id": {
                        "type": "string"
                      },
                      "project_id": {
                        "type": "string"
                      }
                    },
                    "additionalProperties": false
                  },
                  "huggingface": {
                    "type": "object",
                    "properties": {
                      "use_cache": {
                        "type": "boolean"
                      },
                      "wait_for_model": {
                        "type": "boolean"
                      }
                    },
                    "additionalProperties": false
                  },
                  "upstream_url": {
                    "type": "string"
                  }
                },
                "additionalProperties": false
              },
              "provider": {
                "type": "string",
                "enum": [
                  "azure",
                  "bedrock",
                  "gemini",
                  "huggingface",
                  "mistral",
                  "ollama",
                  "openai"
                ]
              }
            },
            "required": [
              "name",
              "provider"
            ],
            "additionalProperties": false
          }
        },
        "required": [
          "model"
        ],
        "additionalProperties": false
      },
      "created_at": {
        "type": [
          "integer",
          "null"
        ]
      },
      "id": {
        "type": [
          "string",
          "null"
        ]
      },
      "name": {
        "type": [
          "string",
          "null"
        ]
      },
      "tags": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "string"
        }
      },
      "type": {
        "type": "string",
        "enum": [
          "embeddings"
        ]
      },
      "updated_at": {
        "type": [
          "integer",
          "null"
        ]
      }
    },
    "additionalProperties": false,
    "required": [
      "type",
      "config"
    ]
  },
  "model": {
    "type": "object",
    "properties": {
      "config": {
        "type": "object",
        "properties": {
          "auth": {
            "type": [
              "object",
              "null"
            ],
            "properties": {
              "allow_override": {
                "type": "boolean"
              },
              "aws_access_key_id": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "aws_secret_access_key": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "azure_client_id": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "azure_client_secret": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "azure_tenant_id": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "azure_use_managed_identity": {
                "type": "boolean"
              },
              "gcp_metadata_url": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "gcp_oauth_token_url": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "gcp_service_account_json": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "gcp_use_service_account": {
                "type": "boolean"
              },
              "header_name": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "header_value": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "param_location": {
                "type": "string",
                "enum": [
                  "body",
                  "query"
                ]
              },
              "param_name": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "param_value": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              }
            },
            "additionalProperties": false
          },
          "description": {
            "type": [
              "string",
              "null"
            ]
          },
          "logging": {
            "type": [
              "object",
              "null"
            ],
            "properties": {
              "log_payloads": {
                "type": "boolean"
              },
              "log_statistics": {
                "type": "boolean"
              }
            },
            "additionalProperties": false
          },
          "metadata": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": true
          },
          "model": {
            "type": [
              "object",
              "null"
            ],
            "properties": {
              "model_alias": {
                "type": "string"
              },
              "name": {
                "type": "string"
              },
              "options": {
                "type": "object",
                "properties": {
                  "anthropic_version": {
                    "type": "string"
                  },
                  "azure_api_version": {
                    "type": "string"
                  },
                  "azure_deployment_id": {
                    "type": "string"
                  },
                  "azure_instance": {
                    "type": "string"
                  },
                  "bedrock": {
                    "type": "object",
                    "properties": {
                      "aws_assume_role_arn": {
                        "type": "string"
                      },
                      "aws_region": {
                        "type": "string"
                      },
                      "aws_role_session_name": {
                        "type": "string"
                      },
                      "aws_sts_endpoint_url": {
                        "type": "string"
                      },
                      "batch_bucket_prefix": {
                        "type": "string"
                      },
                      "batch_role_arn": {
                        "type": "string"
                      },
                      "embeddings_normalize": {
                        "type": "boolean"
                      },
                      "performance_config_latency": {
                        "type": "string"
                      },
                      "video_output_s3_uri": {
                        "type": "string"
                      }
                    },
                    "additionalProperties": false
                  },
                  "cohere": {
                    "type": "object",
                    "properties": {
                      "embedding_input_type": {
                        "type": "string",
                        "enum": [
                          "classification",
                          "clustering",
                          "image",
                          "search_document",
                          "search_query"
                        ]
                      },
                      "wait_for_model": {
                        "type": "boolean"
                      }
                    },
                    "additionalProperties": false
                  },
                  "dashscope": {
                    "type": "object",
                    "properties": {
                      "international": {
                        "type": "boolean"
                      }
                    },
                    "additionalProperties": false
                  },
                  "databricks": {
                    "type": "object",
                    "properties": {
                      "workspace_instance_id": {
                        "type": "string"
                      }
                    },
                    "additionalProperties": false
                  },
                  "embeddings_dimensions": {
                    "type": "integer"
                  },
                  "gemini": {
                    "type": "object",
                    "properties": {
                      "api_endpoint": {
                        "type": "string"
                      },
                      "endpoint_id": {
                        "type": "string"
                      },
                      "location_id": {
                        "type": "string"
                      },
                      "project_id": {
                        "type": "string"
                      }
                    },
                    "additionalProperties": false
                  },
                  "huggingface": {
                    "type": "object",
                    "properties": {
                      "use_cache": {
                        "type": "boolean"
                      },
                      "wait_for_model": {
                        "type": "boolean"
                      }
                    },
                    "additionalProperties": false
                  },
                  "input_cost": {
                    "type": "number"
                  },
                  "llama2_format": {
                    "type": "string",
                    "enum": [
                      "ollama",
                      "openai",
                      "raw"
                    ]
                  },
                  "max_tokens": {
                    "type": "integer"
                  },
                  "mistral_format": {
                    "type": "string",
                    "enum": [
                      "ollama",
                      "openai"
                    ]
                  },
                  "output_cost": {
                    "type": "number"
                  },
                  "temperature": {
                    "type": "number",
                    "maximum": 5,
                    "minimum": 0
                  },
                  "top_k": {
                    "type": "integer",
                    "maximum": 500,
                    "minimum": 0
                  },
                  "top_p": {
                    "type": "number",
                    "maximum": 1,
                    "minimum": 0
                  },
                  "upstream_path": {
                    "type": "string"
                  },
                  "upstream_url": {
                    "type": "string"
                  }
                },
                "additionalProperties": false
              },
              "provider": {
                "type": "string",
                "enum": [
                  "anthropic",
                  "azure",
                  "bedrock",
                  "cerebras",
                  "cohere",
                  "dashscope",
                  "databricks",
                  "deepseek",
                  "gemini",
                  "huggingface",
                  "llama2",
                  "mistral",
                  "ollama",
                  "openai",
                  "vllm",
                  "xai"
                ]
              }
            },
            "required": [
              "provider"
            ],
            "additionalProperties": false
          },
          "route_type": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "audio/v1/audio/speech",
              "audio/v1/audio/transcriptions",
              "audio/v1/audio/translations",
              "image/v1/images/edits",
              "image/v1/images/generations",
              "llm/v1/assistants",
              "llm/v1/batches",
              "llm/v1/chat",
              "llm/v1/completions",
              "llm/v1/embeddings",
              "llm/v1/files",
              "llm/v1/responses",
              "preserve",
              "realtime/v1/realtime",
              "video/v1/videos/generations",
              null
            ]
          },
          "weight": {
            "type": [
              "integer",
              "null"
            ],
            "maximum": 65535,
            "minimum": 1
          }
        },
        "required": [
          "model",
          "route_type"
        ],
        "additionalProperties": false
      },
      "created_at": {
        "type": [
          "integer",
          "null"
        ]
      },
      "id": {
        "type": [
          "string",
          "null"
        ]
      },
      "name": {
        "type": [
          "string",
          "null"
        ]
      },
      "tags": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "string"
        }
      },
      "type": {
        "type": "string",
        "enum": [
          "model"
        ]
      },
      "updated_at": {
        "type": [
          "integer",
          "null"
        ]
      }
    },
    "additionalProperties": false,
    "required": [
      "type",
      "config"
    ]
  },
  "vectordb": {
    "type": "object",
    "properties": {
      "config": {
        "type": "object",
        "properties": {
          "dimensions": {
            "type": [
              "integer",
              "null"
            ]
          },
          "distance_metric": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "cosine",
              "euclidean",
              null
            ]
          },
          "pgvector": {
            "type": [
              "object",
              "null"
            ],
            "properties": {
              "database": {
                "type": "string"
              },
              "host": {
                "type": "string"
              },
              "password": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "port": {
                "type": "integer"
              },
              "ssl": {
                "type": "boolean"
              },
              "ssl_cert": {
                "type": "string"
              },
              "ssl_cert_key": {
                "type": "string"
              },
              "ssl_required": {
                "type": "boolean"
              },
              "ssl_verify": {
                "type": "boolean"
              },
              "ssl_version": {
                "type": "string",
                "enum": [
                  "any",
                  "tlsv1_2",
                  "tlsv1_3"
                ]
              },
              "timeout": {
                "type": "number"
              },
              "user": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              }
            },
            "additionalProperties": false
          },
          "redis": {
            "type": [
              "object",
              "null"
            ],
            "properties": {
              "cloud_authentication": {
                "type": "object",
                "properties": {
                  "auth_provider": {
                    "anyOf": [
                      {
                        "type": "string",
                        "enum": [
                          "aws",
                          "azure",
                          "gcp"
                        ]
                      },
                      {
                        "type": "string",
                        "pattern": "^\\{vault://.+\\}$"
                      }
                    ]
                  },
                  "aws_access_key_id": {
                    "anyOf": [
                      {
                        "type": "string"
                      },
                      {
                        "type": "string",
                        "pattern": "^\\{vault://.+\\}$"
                      }
                    ]
                  },
                  "aws_assume_role_arn": {
                    "anyOf": [
                      {
                        "type": "string"
                      },
                      {
                        "type": "string",
                        "pattern": "^\\{vault://.+\\}$"
                      }
                    ]
                  },
                  "aws_cache_name": {
                    "anyOf": [
                      {
                        "type": "string"
                      },
                      {
                        "type": "string",
                        "pattern": "^\\{vault://.+\\}$"
                      }
                    ]
                  },
                  "aws_is_serverless": {
                    "type": "boolean"
                  },
                  "aws_region": {
                    "anyOf": [
                      {
                        "type": "string"
                      },
                      {
                        "type": "string",
                        "pattern": "^\\{vault://.+\\}$"
                      }
                    ]
                  },
                  "aws_role_session_name": {
                    "anyOf": [
                      {
                        "type": "string"
                      },
                      {
                        "type": "string",
                        "pattern": "^\\{vault://.+\\}$"
                      }
                    ]
                  },
                  "aws_secret_access_key": {
                    "anyOf": [
                      {
                        "type": "string"
                      },
                      {
                        "type": "string",
                        "pattern": "^\\{vault://.+\\}$"
                      }
                    ]
                  },
                  "azure_client_id": {
                    "anyOf": [
                      {
                        "type": "string"
                      },
                      {
                        "type": "string",
                        "pattern": "^\\{vault://.+\\}$"
                      }
                    ]
                  },
                  "azure_client_secret": {
                    "anyOf": [
                      {
                        "type": "string"
                      },
                      {
                        "type": "string",
                        "pattern": "^\\{vault://.+\\}$"
                      }
                    ]
                  },
                  "azure_tenant_id": {
                    "anyOf": [
                      {
                        "type": "string"
                      },
                      {
                        "type": "string",
                        "pattern": "^\\{vault://.+\\}$"
                      }
                    ]
                  },
                  "gcp_service_account_json": {
                    "anyOf": [
                      {
                        "type": "string"
                      },
                      {
                        "type": "string",
                        "pattern": "^\\{vault://.+\\}$"
                      }
                    ]
                  }
                },
                "additionalProperties": false
              },
              "cluster_max_redirections": {
                "type": "integer"
              },
              "cluster_nodes": {
                "type": "array",
                "items": {
                  "properties": {
                    "ip": {
                      "type": "string"
                    },
                    "port": {
                      "type": "integer",
                      "maximum": 65535,
                      "minimum": 0
                    }
                  },
                  "type": "object",
                  "additionalProperties": false
                },
                "minLength": 1
              },
              "connect_timeout": {
                "type": "integer",
                "maximum": 2147483646,
                "minimum": 0
              },
              "connection_is_proxied": {
                "type": "boolean"
              },
              "database": {
                "type": "integer"
              },
              "host": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "keepalive_backlog": {
                "type": "integer",
                "maximum": 2147483646,
                "minimum": 0
              },
              "keepalive_pool_size": {
                "type": "integer",
                "maximum": 2147483646,
                "minimum": 1
              },
              "password": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "port": {
                "anyOf": [
                  {
                    "type": "integer",
                    "maximum": 65535,
                    "minimum": 0
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "read_timeout": {
                "type": "integer",
                "maximum": 2147483646,
                "minimum": 0
              },
              "send_timeout": {
                "type": "integer",
                "maximum": 2147483646,
                "minimum": 0
              },
              "sentinel_master": {
                "type": "string"
              },
              "sentinel_nodes": {
                "type": "array",
                "items": {
                  "properties": {
                    "host": {
                      "type": "string"
                    },
                    "port": {
                      "type": "integer",
                      "maximum": 65535,
                      "minimum": 0
                    }
                  },
                  "type": "object",
                  "additionalProperties": false
                },
                "minLength": 1
              },
              "sentinel_password": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "sentinel_role": {
                "type": "string",
                "enum": [
                  "any",
                  "master",
                  "slave"
                ]
              },
              "sentinel_username": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "server_name": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              },
              "ssl": {
                "type": "boolean"
              },
              "ssl_verify": {
                "type": "boolean"
              },
              "username": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "string",
                    "pattern": "^\\{vault://.+\\}$"
                  }
                ]
              }
            },
            "additionalProperties": false
          },
          "strategy": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "pgvector",
              "redis",
              null
            ]
          },
          "threshold": {
            "type": [
              "number",
              "null"
            ]
          }
        },
        "required": [
          "dimensions",
          "distance_metric",
          "strategy"
        ],
        "additionalProperties": false
      },
      "created_at": {
        "type": [
          "integer",
          "null"
        ]
      },
      "id": {
        "type": [
          "string",
          "null"
        ]
      },
      "name": {
        "type": [
          "string",
          "null"
        ]
      },
      "tags": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "string"
        }
      },
      "type": {
        "type": "string",
        "enum": [
          "vectordb"
        ]
      },
      "updated_at": {
        "type": [
          "integer",
          "null"
        ]
      }
    },
    "additionalProperties": false,
    "required": [
      "type",
      "config"
    ]
  }
};
