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
      Decision: {
        type: 'string',
        enum: ['approve', 'reject'],
      },
      BulkCompletion: {
        type: 'object',
        additionalProperties: false,
        properties: {
          ids: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: {
              type: 'string',
              minLength: 1,
              maxLength: 64,
            },
          },
          decision: {
            $ref: '#/components/schemas/Decision',
          },
          reason: {
            type: 'string',
            maxLength: 1000,
          },
        },
        required: ['ids', 'decision'],
      },
      BulkCompletionResults: {
        type: 'object',
        additionalProperties: false,
        properties: {
          results: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              properties: {
                id: {
                  type: 'string',
                },
                ok: {
                  type: 'boolean',
                },
                request: {
                  $ref: '#/components/schemas/SignUpRequest',
                },
                error: {
                  type: 'object',
                  additionalProperties: false,
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
              },
              required: ['id', 'ok'],
            },
          },
        },
        required: ['results'],
      },
      Invitation: {
        type: 'object',
        additionalProperties: false,
        properties: {
          emails: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: {
              type: 'string',
              minLength: 1,
              maxLength: 320,
            },
          },
        },
        required: ['emails'],
      },
      InvitationResult: {
        type: 'object',
        additionalProperties: false,
        properties: {
          invited: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          alreadyActive: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
        required: ['invited', 'alreadyActive'],
      },
      EmailTemplateKind: {
        type: 'string',
        enum: ['admin-notification', 'welcome', 'rejection', 'invitation'],
      },
      EmailTemplateContent: {
        type: 'object',
        additionalProperties: false,
        properties: {
          subject: {
            type: 'string',
            minLength: 1,
            maxLength: 500,
          },
          html: {
            type: 'string',
            minLength: 1,
            maxLength: 50000,
          },
          text: {
            type: 'string',
            minLength: 1,
            maxLength: 20000,
          },
          logoUrl: {
            type: 'string',
            maxLength: 2048,
          },
        },
        required: ['subject', 'html', 'text', 'logoUrl'],
      },
      EmailTemplate: {
        type: 'object',
        additionalProperties: false,
        properties: {
          kind: {
            $ref: '#/components/schemas/EmailTemplateKind',
          },
          subject: {
            type: 'string',
          },
          html: {
            type: 'string',
          },
          text: {
            type: 'string',
          },
          logoUrl: {
            type: 'string',
          },
          customized: {
            type: 'boolean',
          },
          updatedBy: {
            type: ['string', 'null'],
          },
          updatedAt: {
            type: ['string', 'null'],
          },
        },
        required: [
          'kind',
          'subject',
          'html',
          'text',
          'logoUrl',
          'customized',
          'updatedBy',
          'updatedAt',
        ],
      },
      EmailTemplateList: {
        type: 'object',
        additionalProperties: false,
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EmailTemplate',
            },
          },
        },
        required: ['items'],
      },
      RenderedEmail: {
        type: 'object',
        additionalProperties: false,
        properties: {
          subject: {
            type: 'string',
          },
          html: {
            type: 'string',
          },
          text: {
            type: 'string',
          },
        },
        required: ['subject', 'html', 'text'],
      },
      Member: {
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
            type: 'string',
            enum: ['active', 'disabled'],
          },
          createdAt: {
            type: 'string',
          },
        },
        required: ['id', 'email', 'displayName', 'status', 'createdAt'],
      },
      MemberPage: {
        type: 'object',
        additionalProperties: false,
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Member',
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
      OutboxMessage: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
          },
          kind: {
            $ref: '#/components/schemas/EmailTemplateKind',
          },
          recipient: {
            type: 'string',
          },
          subject: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['pending', 'sent', 'failed'],
          },
          attempts: {
            type: 'integer',
          },
          lastError: {
            type: ['string', 'null'],
          },
          requestId: {
            type: ['string', 'null'],
          },
          createdAt: {
            type: 'string',
          },
          sentAt: {
            type: ['string', 'null'],
          },
        },
        required: [
          'id',
          'kind',
          'recipient',
          'subject',
          'status',
          'attempts',
          'lastError',
          'requestId',
          'createdAt',
          'sentAt',
        ],
      },
      OutboxPage: {
        type: 'object',
        additionalProperties: false,
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OutboxMessage',
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
      RegistrationInfo: {
        type: 'object',
        additionalProperties: false,
        properties: {
          email: {
            type: 'string',
          },
          displayName: {
            type: ['string', 'null'],
          },
          expiresAt: {
            type: 'string',
          },
        },
        required: ['email', 'displayName', 'expiresAt'],
      },
      Registration: {
        type: 'object',
        additionalProperties: false,
        properties: {
          password: {
            type: 'string',
            minLength: 1,
            maxLength: 1024,
          },
          displayName: {
            type: 'string',
            maxLength: 100,
          },
        },
        required: ['password'],
      },
      Registered: {
        type: 'object',
        additionalProperties: false,
        properties: {
          email: {
            type: 'string',
          },
        },
        required: ['email'],
      },
      SignIn: {
        type: 'object',
        additionalProperties: false,
        properties: {
          email: {
            type: 'string',
            minLength: 1,
            maxLength: 320,
          },
          password: {
            type: 'string',
            minLength: 1,
            maxLength: 1024,
          },
        },
        required: ['email', 'password'],
      },
      SessionToken: {
        type: 'object',
        additionalProperties: false,
        properties: {
          token: {
            type: 'string',
            minLength: 1,
            maxLength: 128,
          },
        },
        required: ['token'],
      },
      MemberRecord: {
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
            type: 'string',
            enum: ['active', 'disabled'],
          },
          updatedAt: {
            type: 'integer',
          },
        },
        required: ['id', 'email', 'displayName', 'status', 'updatedAt'],
      },
      MemberChanges: {
        type: 'object',
        additionalProperties: false,
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/MemberRecord',
            },
          },
          now: {
            type: 'integer',
          },
        },
        required: ['items', 'now'],
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
      Gone: {
        description: 'The registration link was used, replaced or has expired.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      TooManyRequests: {
        description:
          'Too many requests from this client address for this route; the Retry-After header says after how many seconds to try again.',
        headers: {
          'Retry-After': {
            schema: {
              type: 'integer',
            },
          },
        },
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
      token: {
        name: 'token',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 128,
        },
      },
      templateKind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          $ref: '#/components/schemas/EmailTemplateKind',
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 100,
        },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        required: false,
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 200,
        },
      },
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
          '429': {
            $ref: '#/components/responses/TooManyRequests',
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
            name: 'source',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['self-sign-up', 'invitation'],
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
    '/public/registrations/{token}': {
      get: {
        operationId: 'GetRegistration',
        description:
          'What a one-time registration link is for. 404 unknown, 410 used, replaced or expired.',
        parameters: [
          {
            $ref: '#/components/parameters/token',
          },
        ],
        responses: {
          '200': {
            description: 'The registrant.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RegistrationInfo',
                },
              },
            },
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '410': {
            $ref: '#/components/responses/Gone',
          },
        },
      },
      post: {
        operationId: 'CompleteRegistration',
        description:
          'Set the password (12 to 128 characters, not containing the email or its name part, not a common password) and become a member. The link is used up.',
        parameters: [
          {
            $ref: '#/components/parameters/token',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/Registration',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Registered.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Registered',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '410': {
            $ref: '#/components/responses/Gone',
          },
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
        },
      },
    },
    '/sign-up-requests/{id}/resend-link': {
      post: {
        operationId: 'ResendRegistrationLink',
        description:
          'Send a fresh registration link for an approved or expired request, voiding the earlier ones. Permission: api-store-access.sign-up-request.review.',
        parameters: [
          {
            $ref: '#/components/parameters/requestId',
          },
        ],
        responses: {
          '200': {
            description: 'The request, approved again.',
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
    '/sign-up-requests/bulk-complete': {
      post: {
        operationId: 'CompleteSignUpRequests',
        description:
          'Approve or reject many tasks at once, each recorded on its own; pending tasks are started by the caller first. Permission: api-store-access.sign-up-request.review.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/BulkCompletion',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'One result per task.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/BulkCompletionResults',
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
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
        },
      },
    },
    '/invitations': {
      post: {
        operationId: 'InviteMembers',
        description:
          'Invite 1 to 100 addresses by email, whether or not self sign-up is enabled. Permission: api-store-access.invitation.create.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/Invitation',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Who was invited and who already was active.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/InvitationResult',
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
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
        },
      },
    },
    '/email-templates': {
      get: {
        operationId: 'ListEmailTemplates',
        description:
          'Every email template. Permission: api-store-access.settings.read.',
        responses: {
          '200': {
            description: 'The templates.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EmailTemplateList',
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
    },
    '/email-templates/{kind}': {
      put: {
        operationId: 'UpdateEmailTemplate',
        description:
          'Save a template; one that does not compile is refused with the line of the error. Permission: api-store-access.settings.update.',
        parameters: [
          {
            $ref: '#/components/parameters/templateKind',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EmailTemplateContent',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The saved template.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EmailTemplate',
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
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
        },
      },
    },
    '/email-templates/{kind}/preview': {
      post: {
        operationId: 'PreviewEmailTemplate',
        description:
          'Render a template with sample data. Permission: api-store-access.settings.read.',
        parameters: [
          {
            $ref: '#/components/parameters/templateKind',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/EmailTemplateContent',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The rendered email.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RenderedEmail',
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
          '413': {
            $ref: '#/components/responses/PayloadTooLarge',
          },
        },
      },
    },
    '/members': {
      get: {
        operationId: 'ListMembers',
        description:
          'Registered members, newest first. Permission: api-store-access.member.read.',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of members.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MemberPage',
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
    '/members/{id}/disable': {
      post: {
        operationId: 'DisableMember',
        description:
          'Disable a member. Permission: api-store-access.member.manage.',
        parameters: [
          {
            $ref: '#/components/parameters/requestId',
          },
        ],
        responses: {
          '200': {
            description: 'The member, disabled.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Member',
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
    '/outbox': {
      get: {
        operationId: 'ListOutbox',
        description:
          'Emails in the outbox, newest first, to find the ones that failed. Permission: api-store-access.sign-up-request.read.',
        parameters: [
          {
            name: 'status',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['pending', 'sent', 'failed'],
            },
          },
          {
            name: 'requestId',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              maxLength: 64,
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of messages.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/OutboxPage',
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
    '/public/sessions': {
      post: {
        operationId: 'SignInMember',
        description:
          'Sign a community member in with email and password: 204 with an HttpOnly session cookie. Wrong credentials, unknown emails, disabled and locked members all get the same 401.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SignIn',
              },
            },
          },
        },
        responses: {
          '204': {
            description: 'Signed in; the session cookie is set.',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
        },
      },
      delete: {
        operationId: 'SignOutMember',
        description:
          'End the session of the cookie, if any, and clear the cookie.',
        responses: {
          '204': {
            description: 'Signed out.',
          },
          '429': {
            $ref: '#/components/responses/TooManyRequests',
          },
        },
      },
    },
    '/internal/sessions/resolve': {
      post: {
        operationId: 'ResolveMemberSession',
        description:
          'For backend plugins (service tokens only): the member behind a session token.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SessionToken',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The member.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MemberRecord',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/internal/members': {
      get: {
        operationId: 'ListMemberChanges',
        description:
          'For backend plugins (service tokens only): every member, or those changed at or after updatedSince (epoch milliseconds), with the server time to ask from next.',
        parameters: [
          {
            name: 'updatedSince',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 0,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The members.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/MemberChanges',
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
        },
      },
    },
  },
} as const;
