{{/*
Each service's own environment: its port, where the services it calls are (their Service DNS names), Redis, and
the secrets it uses. Context: dict "root" $ "component" name. The shared ConfigMap comes through envFrom;
variables here win over it.
*/}}
{{- define "vtuber.env" -}}
{{- $root := .root -}}
{{- $name := .component -}}
{{- $svc := index $root.Values $name -}}
- name: VTUBER_DATA_DIR
  value: /data
- name: JAVA_TOOL_OPTIONS
  value: {{ $svc.javaToolOptions | default $root.Values.javaToolOptions | quote }}
{{- if ne $name "gateway" }}
- name: REDIS_HOST
  value: {{ ternary (printf "%s-redis" (include "vtuber.prefix" $root)) $root.Values.redis.host $root.Values.redis.enabled | quote }}
- name: REDIS_PORT
  value: {{ ternary 6379 $root.Values.redis.port $root.Values.redis.enabled | quote }}
- name: REDIS_DB
  value: {{ $root.Values.redis.database | quote }}
{{- end }}
{{- if eq $name "gateway" }}
- name: GATEWAY_PORT
  value: {{ $svc.port | quote }}
- name: INPUT_HANDLER_URL
  value: {{ include "vtuber.httpUrl" (dict "root" $root "component" "input") | quote }}
{{- /* the WebSocket proxy to /ws/output and the STOP call (gRPC) share this address */}}
- name: OUTPUT_HANDLER_URL
  value: {{ include "vtuber.httpUrl" (dict "root" $root "component" "output") | quote }}
- name: DIALOG_ENGINE_URL
  value: {{ include "vtuber.grpcUrl" (dict "root" $root "component" "dialog") | quote }}
{{- /* GET /health/services asks these two for their readiness */}}
- name: GATEWAY_LTM_URL
  value: {{ include "vtuber.httpUrl" (dict "root" $root "component" "ltm") | quote }}
- name: GATEWAY_WORKERS_URL
  value: {{ include "vtuber.httpUrl" (dict "root" $root "component" "workers") | quote }}
{{- else if eq $name "input" }}
- name: INPUT_PORT
  value: {{ $svc.port | quote }}
- name: DIALOG_ENGINE_URL
  value: {{ include "vtuber.grpcUrl" (dict "root" $root "component" "dialog") | quote }}
{{- else if eq $name "output" }}
- name: OUTPUT_PORT
  value: {{ $svc.port | quote }}
{{- /* dialog and the other output pods reach the pod that holds a session's socket at this address */}}
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: OUTPUT_ADVERTISE_ADDRESS
  value: {{ printf "$(POD_IP):%v" $svc.port | quote }}
{{- else if eq $name "dialog" }}
- name: PORT
  value: {{ $svc.port | quote }}
- name: LTM_BASE_URL
  value: {{ include "vtuber.grpcUrl" (dict "root" $root "component" "ltm") | quote }}
{{- if $svc.persona }}
- name: PERSONA_PROMPT_FILE
  value: /etc/vtuber/persona/persona.txt
{{- end }}
{{ include "vtuber.secretEnv" (dict "root" $root "name" "OPENAI_API_KEY") }}
{{ include "vtuber.secretEnv" (dict "root" $root "name" "ASR_OPENAI_API_KEY") }}
{{- else if eq $name "ltm" }}
- name: LTM_PORT
  value: {{ $svc.port | quote }}
{{- if $root.Values.postgresql.enabled }}
- name: LTM_POSTGRES_URL
  value: {{ printf "jdbc:postgresql://%s-postgresql:5432/%s" (include "vtuber.prefix" $root) $root.Values.postgresql.auth.database | quote }}
- name: LTM_POSTGRES_USER
  value: {{ $root.Values.postgresql.auth.user | quote }}
{{ include "vtuber.secretEnv" (dict "root" $root "name" "LTM_POSTGRES_PASSWORD") }}
{{- else if $root.Values.postgresql.external.url }}
- name: LTM_POSTGRES_URL
  value: {{ $root.Values.postgresql.external.url | quote }}
- name: LTM_POSTGRES_USER
  value: {{ $root.Values.postgresql.external.user | quote }}
{{ include "vtuber.secretEnv" (dict "root" $root "name" "LTM_POSTGRES_PASSWORD") }}
{{- end }}
{{ include "vtuber.secretEnv" (dict "root" $root "name" "LTM_EMBEDDING_API_KEY") }}
{{ include "vtuber.secretEnv" (dict "root" $root "name" "LTM_EXTRACTION_API_KEY") }}
{{- else if eq $name "workers" }}
- name: WORKERS_PORT
  value: {{ $svc.port | quote }}
- name: LTM_BASE_URL
  value: {{ include "vtuber.grpcUrl" (dict "root" $root "component" "ltm") | quote }}
{{- end }}
{{- with $svc.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}
