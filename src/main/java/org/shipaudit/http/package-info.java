/**
 * The HTTP API on Vert.x: one route table ({@link org.shipaudit.http.Routes}), thin handlers that run work on worker
 * pools, problem+json errors, API-key auth, Prometheus metrics. The only package that uses Vert.x Web.
 */
package org.shipaudit.http;
