#!/bin/bash
# Container health check for a SupportFlow service: succeeds when GET /q/health/ready on the
# service's own port (QUARKUS_HTTP_PORT) answers 200. Plain bash (/dev/tcp), so the image
# needs no curl or wget.
set -u
port="${QUARKUS_HTTP_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /q/health/ready HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "${port}" >&3
IFS=' ' read -r -t 5 _ status _ <&3 || exit 1
exec 3<&-
[ "${status:-}" = 200 ]
