// Exports Seam Connect's OpenAPI document from the pinned @seamapi/types package to
// spec/seam-connect.json, trimmed to structure: no descriptions, summaries, titles or
// examples (we write our own docs from structure), keys sorted, so a regeneration
// from the same version shows no diff.
//
// Every key is either kept, rewritten or dropped on purpose: an unknown key stops the
// export, so a newer spec cannot slip prose (or a new meaning) in unnoticed.
//
//   npm ci && node scripts/export-spec.mjs

import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { openapi } from '@seamapi/types/connect'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outputPath = join(root, 'spec', 'seam-connect.json')
const typesVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', '@seamapi', 'types', 'package.json'), 'utf8'),
).version

const HTTP_METHODS = ['delete', 'get', 'patch', 'post', 'put']

// Schema keywords kept as they are.
const SCHEMA_KEPT = new Set([
  '$ref',
  'default',
  'deprecated',
  'enum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'format',
  'maxItems',
  'maxLength',
  'maximum',
  'minItems',
  'minLength',
  'minimum',
  'nullable',
  'pattern',
  'required',
  'type',
  // Seam's structural extensions: the namespace a resource belongs to, its
  // resource type, the keys a batch carries, the group a property or variant sits in.
  'x-batch-keys',
  'x-property-group-key',
  'x-resource-type',
  'x-route-path',
  'x-variant-group-key',
])

// Prose, or display labels for prose (group names): never exported.
const SCHEMA_DROPPED = new Set([
  'description',
  'example',
  'examples',
  'summary',
  'title',
  'x-property-groups',
  'x-title',
  'x-variant-groups',
])

const fail = (where, message) => {
  throw new Error(`${where}: ${message}`)
}

// The flags whose value in Seam's spec is a sentence ("Only used internally."): the
// sentence is prose, the presence is the fact.
const flag = (value, where) =>
  typeof value === 'string' || value === true
    ? true
    : fail(where, `expected a string or true, found ${JSON.stringify(value)}`)

const trimSchema = (schema, where) => {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    fail(where, `expected a schema object, found ${JSON.stringify(schema)}`)
  }
  const out = {}
  for (const [key, value] of Object.entries(schema)) {
    const at = `${where}.${key}`
    if (SCHEMA_KEPT.has(key)) {
      out[key] = value
    } else if (SCHEMA_DROPPED.has(key)) {
      continue
    } else if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, trimSchema(property, `${at}.${name}`)]),
      )
    } else if (key === 'items' || key === 'not') {
      out[key] = trimSchema(value, at)
    } else if (key === 'additionalProperties') {
      out[key] = typeof value === 'boolean' ? value : trimSchema(value, at)
    } else if (key === 'oneOf' || key === 'anyOf' || key === 'allOf') {
      out[key] = value.map((variant, index) => trimSchema(variant, `${at}[${index}]`))
    } else if (key === 'discriminator') {
      const { propertyName, mapping, ...rest } = value
      if (Object.keys(rest).length > 0) fail(at, `unknown keys ${Object.keys(rest)}`)
      out[key] = mapping === undefined ? { propertyName } : { mapping, propertyName }
    } else if (key === 'x-undocumented' || key === 'x-draft') {
      out[key] = flag(value, at)
    } else if (key === 'x-deprecated') {
      // The message is prose; OpenAPI's own `deprecated` carries the fact.
      flag(value, at)
      out.deprecated = true
    } else {
      fail(at, 'unknown schema keyword; decide whether it is structure or prose')
    }
  }
  return out
}

const trimQueryParameter = (parameter, where) => {
  const out = {}
  for (const [key, value] of Object.entries(parameter)) {
    if (key === 'in' || key === 'name' || key === 'required') out[key] = value
    else if (key === 'schema') out.schema = trimSchema(value, `${where}.schema`)
    else if (key !== 'description') fail(`${where}.${key}`, 'unknown parameter key')
  }
  return out
}

const trimContent = (content, where) =>
  Object.fromEntries(
    Object.entries(content).map(([mediaType, body]) => {
      const { schema, ...rest } = body
      if (Object.keys(rest).length > 0) fail(`${where}.${mediaType}`, `unknown keys ${Object.keys(rest)}`)
      return [mediaType, { schema: trimSchema(schema, `${where}.${mediaType}.schema`) }]
    }),
  )

// Only answers with a body are kept: the error answers carry a description alone,
// and Seam's error envelope is the same for every route.
const trimResponses = (responses, where) => {
  const out = {}
  for (const [status, response] of Object.entries(responses)) {
    const { content, description, ...rest } = response
    if (Object.keys(rest).length > 0) fail(`${where}.${status}`, `unknown keys ${Object.keys(rest)}`)
    if (content !== undefined) out[status] = { content: trimContent(content, `${where}.${status}.content`) }
    else if (status === '200') out[status] = {}
  }
  return out
}

const OPERATION_KEPT = new Set([
  'security',
  'x-action-attempt-type',
  'x-batch-keys',
  'x-fern-sdk-group-name',
  'x-fern-sdk-method-name',
  'x-fern-sdk-return-value',
  'x-response-key',
])
// operationId and tags are derived from the path; the rest is prose.
const OPERATION_DROPPED = new Set(['description', 'operationId', 'summary', 'tags', 'x-title'])

const trimOperation = (operation, where) => {
  const out = {}
  for (const [key, value] of Object.entries(operation)) {
    const at = `${where}.${key}`
    if (OPERATION_KEPT.has(key)) out[key] = value
    else if (OPERATION_DROPPED.has(key)) continue
    else if (key === 'requestBody') {
      const { content, ...rest } = value
      if (Object.keys(rest).length > 0) fail(at, `unknown keys ${Object.keys(rest)}`)
      out.requestBody = { content: trimContent(content, `${at}.content`) }
    } else if (key === 'parameters') {
      out.parameters = value.map((parameter, index) => trimQueryParameter(parameter, `${at}[${index}]`))
    } else if (key === 'responses') out.responses = trimResponses(value, at)
    else if (key === 'x-undocumented' || key === 'x-draft') out[key] = flag(value, at)
    else if (key === 'x-deprecated') {
      flag(value, at)
      out.deprecated = true
    } else fail(at, 'unknown operation key; decide whether it is structure or prose')
  }
  return out
}

// Seam serves each route on POST, and on GET, DELETE, PATCH or PUT when that names
// what it does (its semantic method). Those operations repeat the POST one with the
// body as query parameters, so they are exported as a marker; the check keeps that
// claim true for future versions.
const IGNORED_IN_COMPARISON = new Set(['operationId', 'parameters', 'requestBody'])
const assertSameAsPost = (post, other, where) => {
  for (const key of new Set([...Object.keys(post), ...Object.keys(other)])) {
    if (IGNORED_IN_COMPARISON.has(key)) continue
    if (JSON.stringify(post[key]) !== JSON.stringify(other[key])) {
      fail(`${where}.${key}`, 'differs from the POST operation; export it in full')
    }
  }
}

const trimPathItem = (pathItem, path) => {
  const out = {}
  if (pathItem.post === undefined) fail(path, 'no POST operation')
  for (const [method, operation] of Object.entries(pathItem)) {
    const where = `paths.${path}.${method}`
    if (!HTTP_METHODS.includes(method)) fail(where, 'unknown path item key')
    if (method === 'post') out.post = trimOperation(operation, where)
    else {
      assertSameAsPost(pathItem.post, operation, where)
      out[method] = { 'x-same-as': 'post' }
    }
  }
  return out
}

const trimSecurityScheme = (scheme, where) => {
  const out = {}
  for (const [key, value] of Object.entries(scheme)) {
    if (['bearerFormat', 'in', 'name', 'scheme', 'type'].includes(key)) out[key] = value
    else if (key !== 'description') fail(`${where}.${key}`, 'unknown security scheme key')
  }
  return out
}

const sortKeysDeep = (value) => {
  if (Array.isArray(value)) return value.map(sortKeysDeep)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeysDeep(value[key])]),
    )
  }
  return value
}

const { components, paths } = openapi
const exported = {
  components: {
    schemas: Object.fromEntries(
      Object.entries(components.schemas).map(([name, schema]) => [
        name,
        trimSchema(schema, `components.schemas.${name}`),
      ]),
    ),
    securitySchemes: Object.fromEntries(
      Object.entries(components.securitySchemes).map(([name, scheme]) => [
        name,
        trimSecurityScheme(scheme, `components.securitySchemes.${name}`),
      ]),
    ),
  },
  openapi: openapi.openapi,
  paths: Object.fromEntries(Object.entries(paths).map(([path, item]) => [path, trimPathItem(item, path)])),
  'x-exported-from': { package: '@seamapi/types', version: typesVersion },
}

writeFileSync(outputPath, `${JSON.stringify(sortKeysDeep(exported), null, 2)}\n`)
console.log(`wrote ${outputPath} from @seamapi/types ${typesVersion}`)
