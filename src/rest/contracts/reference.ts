/** The contracts of the API's own description: the OpenAPI document and its reference page (rest/openapi/routes.ts). */
import { z } from 'zod';
import type { RouteContract } from '../contract';

const tag = 'Reference';

export const referenceContracts = {
  getOpenApiDocument: {
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of the REST API, generated from the schemas that validate its requests.',
    tag,
    auth: 'none',
    responses: { 200: { description: 'the document', schema: z.looseObject({ openapi: z.string() }) } },
  },
  getReferencePage: {
    operationId: 'getReferencePage',
    summary: 'The API reference page',
    description: 'This document rendered by Swagger UI, served from the hub itself (it works without internet access).',
    tag,
    auth: 'none',
    responses: { 200: { description: 'an HTML page', mediaType: 'text/html', schema: z.string() } },
  },
  getReferencePageFile: {
    operationId: 'getReferencePageFile',
    summary: "A file of the reference page (Swagger UI's script and styles)",
    tag,
    auth: 'none',
    params: z.object({ file: z.string().meta({ description: 'the file name', example: 'swagger-ui.css' }) }),
    responses: { 200: { description: 'the file', mediaType: 'application/octet-stream', schema: z.string() } },
    errors: { 404: 'NOT_FOUND: no such file' },
  },
} satisfies Record<string, RouteContract>;
