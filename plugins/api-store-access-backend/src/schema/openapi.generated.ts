// Generated from openapi.yaml by scripts/generate-openapi-spec.js: do not edit.

/** The plugin's OpenAPI document, typed for the validated router. */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'api-store-access',
    version: '1',
    description:
      'Self sign-up, approval and registration for a Backstage API store. Routes under /public need no Backstage token; every other route needs a user token and the permission it names.',
    license: {
      name: 'Apache-2.0',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    schemas: {
      Error: {
        type: 'object',
        description: "Backstage's error shape.",
        properties: {
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
            required: ['name', 'message'],
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
        required: ['error', 'response'],
      },
      ApprovalProcess: {
        type: 'string',
        enum: ['admin', 'auto'],
      },
      DomainList: {
        type: 'array',
        maxItems: 100,
        items: {
          type: 'string',
          minLength: 1,
          maxLength: 253,
        },
      },
      Settings: {
        type: 'object',
        additionalProperties: false,
        properties: {
          selfSignUpEnabled: {
            type: 'boolean',
          },
          signatureLine: {
            type: 'string',
          },
          contactEmail: {
            type: 'string',
          },
          notifyAllAdmins: {
            type: 'boolean',
          },
          approvalProcess: {
            $ref: '#/components/schemas/ApprovalProcess',
          },
          autoApproveDomains: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          blockedDomains: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          sendRejectionEmail: {
            type: 'boolean',
          },
          version: {
            type: 'integer',
          },
          updatedBy: {
            type: ['string', 'null'],
          },
          updatedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
        },
        required: [
          'selfSignUpEnabled',
          'signatureLine',
          'contactEmail',
          'notifyAllAdmins',
          'approvalProcess',
          'autoApproveDomains',
          'blockedDomains',
          'sendRejectionEmail',
          'version',
          'updatedBy',
          'updatedAt',
        ],
      },
      SettingsUpdate: {
        type: 'object',
        description:
          'The fields to change, with the version that was read. Fields left out keep their value; updatedBy and updatedAt are accepted (so a read settings object can be sent back) and ignored.',
        additionalProperties: false,
        properties: {
          selfSignUpEnabled: {
            type: 'boolean',
          },
          signatureLine: {
            type: 'string',
            maxLength: 100,
          },
          contactEmail: {
            type: 'string',
            maxLength: 254,
          },
          notifyAllAdmins: {
            type: 'boolean',
          },
          approvalProcess: {
            $ref: '#/components/schemas/ApprovalProcess',
          },
          autoApproveDomains: {
            $ref: '#/components/schemas/DomainList',
          },
          blockedDomains: {
            $ref: '#/components/schemas/DomainList',
          },
          sendRejectionEmail: {
            type: 'boolean',
          },
          version: {
            type: 'integer',
            minimum: 0,
          },
          updatedBy: {
            type: ['string', 'null'],
            maxLength: 255,
          },
          updatedAt: {
            type: ['string', 'null'],
            maxLength: 64,
          },
        },
        required: ['version'],
      },
      SignUpRequestStatus: {
        type: 'string',
        enum: [
          'pending_approval',
          'in_review',
          'approved',
          'rejected',
          'registered',
          'expired',
        ],
      },
      SignUpRequestEvent: {
        type: 'object',
        additionalProperties: false,
        properties: {
          at: {
            type: 'string',
            format: 'date-time',
          },
          actor: {
            type: 'string',
          },
          action: {
            type: 'string',
          },
          detail: {
            type: ['string', 'null'],
          },
        },
        required: ['at', 'actor', 'action', 'detail'],
      },
      SignUpRequest: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
          },
          email: {
            type: 'string',
          },
          displayName: {
            type: ['string', 'null'],
          },
          status: {
            $ref: '#/components/schemas/SignUpRequestStatus',
          },
          source: {
            type: 'string',
            enum: ['self-sign-up', 'invitation'],
          },
          assignee: {
            type: ['string', 'null'],
          },
          decision: {
            type: ['string', 'null'],
            enum: ['approve', 'reject', null],
          },
          reason: {
            type: ['string', 'null'],
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          history: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SignUpRequestEvent',
            },
          },
        },
        required: [
          'id',
          'email',
          'displayName',
          'status',
          'source',
          'assignee',
          'decision',
          'reason',
          'createdAt',
          'updatedAt',
          'history',
        ],
      },
      SignUpRequestPage: {
        type: 'object',
        additionalProperties: false,
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SignUpRequest',
            },
          },
          totalCount: {
            type: 'integer',
          },
          nextCursor: {
            type: ['string', 'null'],
          },
        },
        required: ['items', 'totalCount', 'nextCursor'],
      },
      PublicStatus: {
        type: 'object',
        additionalProperties: false,
        properties: {
          selfSignUpEnabled: {
            type: 'boolean',
          },
          contactEmail: {
            type: 'string',
          },
        },
        required: ['selfSignUpEnabled', 'contactEmail'],
      },
      SignUp: {
        type: 'object',
        additionalProperties: false,
        properties: {
          email: {
            type: 'string',
            minLength: 1,
            maxLength: 320,
          },
          displayName: {
            type: 'string',
            maxLength: 100,
          },
        },
        required: ['email'],
      },
      SignUpAccepted: {
        type: 'object',
        additionalProperties: false,
        properties: {
          message: {
            type: 'string',
          },
        },
        required: ['message'],
      },
      Completion: {
        type: 'object',
        additionalProperties: false,
        properties: {
          decision: {
            type: 'string',
            enum: ['approve', 'reject'],
          },
          reason: {
            type: 'string',
            maxLength: 1000,
          },
        },
        required: ['decision'],
      },
    },
    responses: {
      BadRequest: {
        description:
          'The request does not match this document, or its values are not acceptable.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Unauthorized: {
        description: 'No valid Backstage user token.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Forbidden: {
        description: 'The permission policy denied the call.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      NotFound: {
        description: 'No such sign-up request.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Conflict: {
        description: 'The state changed since it was read.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      PayloadTooLarge: {
        description: 'The body is over 64 KB.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    parameters: {
      requestId: {
        name: 'id',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 64,
        },
      },
    },
  },
  paths: {
    '/public/status': {
      get: {
        operationId: 'GetPublicStatus',
        description: 'Whether visitors may sign up, and whom to contact.',
        responses: {
          '200': {
            description: 'The public status.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PublicStatus',
                },
              },
            },
          },
        },
      },
    },
    '/public/sign-ups': {
      post: {
        operationId: 'SubmitSignUp',
        description:
          'Sign up with an email address. Every well-formed request gets the same 202, whether the address is new, already known, or blocked.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SignUp',
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'Received.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SignUpAccepted',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '403': {
            description: 'Self sign-up is disabled.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
        },
      },
    },
    '/settings': {
      get: {
        operationId: 'GetSettings',
        description:
          'The self sign-up settings. Permission: api-store-access.settings.read.',
        responses: {
          '200': {
            description: 'The settings.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Settings',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
      },
      put: {
        operationId: 'UpdateSettings',
        description:
          'Change the settings. The body carries the version that was read; a stale version gets 409 and changes nothing. Permission: api-store-access.settings.update.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SettingsUpdate',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The settings as stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Settings',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
        },
      },
    },
    '/sign-up-requests': {
      get: {
        operationId: 'ListSignUpRequests',
        description:
          'Sign-up requests, newest first, a page at a time. Permission: api-store-access.sign-up-request.read.',
        parameters: [
          {
            name: 'status',
            in: 'query',
            required: false,
            schema: {
              $ref: '#/components/schemas/SignUpRequestStatus',
            },
          },
          {
            name: 'assignee',
            in: 'query',
            required: false,
            description: 'An entity ref, or `me` for the caller.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
          {
            name: 'q',
            in: 'query',
            required: false,
            description: 'A substring of the email or display name.',
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of sign-up requests.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SignUpRequestPage',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
        },
      },
    },
    '/sign-up-requests/{id}': {
      get: {
        operationId: 'GetSignUpRequest',
        description:
          'One sign-up request with its history. Permission: api-store-access.sign-up-request.read.',
        parameters: [
          {
            $ref: '#/components/parameters/requestId',
          },
        ],
        responses: {
          '200': {
            description: 'The sign-up request.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SignUpRequest',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/sign-up-requests/{id}/start': {
      post: {
        operationId: 'StartSignUpRequest',
        description:
          'Claim a pending task: it becomes in_review, assigned to the caller. Permission: api-store-access.sign-up-request.review.',
        parameters: [
          {
            $ref: '#/components/parameters/requestId',
          },
        ],
        responses: {
          '200': {
            description: 'The task, now in review.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SignUpRequest',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
        },
      },
    },
    '/sign-up-requests/{id}/complete': {
      post: {
        operationId: 'CompleteSignUpRequest',
        description:
          'Approve or reject a task the caller started. Permission: api-store-access.sign-up-request.review.',
        parameters: [
          {
            $ref: '#/components/parameters/requestId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/Completion',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The decided request.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SignUpRequest',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/Conflict',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
        },
      },
    },
  },
} as const;
