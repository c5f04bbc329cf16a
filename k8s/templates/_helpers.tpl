{{/*
The six services, in the order they are rendered.
*/}}
{{- define "vtuber.components" -}}
gateway input output dialog ltm workers
{{- end -}}

{{/*
Name prefix of every resource: fullnameOverride, else the release name.
*/}}
{{- define "vtuber.prefix" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/*
Name of one component's resources. Context: dict "root" $ "component" name.
*/}}
{{- define "vtuber.fullname" -}}
{{- printf "%s-%s" (include "vtuber.prefix" .root) .component -}}
{{- end -}}

{{- define "vtuber.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "vtuber.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{ include "vtuber.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: vtuber
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end -}}

{{/*
A service's image: its own repository/tag, else <registry>/<repositoryPrefix>/<service>:<image.tag or appVersion>.
*/}}
{{- define "vtuber.image" -}}
{{- $svc := index .root.Values .component -}}
{{- $global := .root.Values.image -}}
{{- $repository := $svc.image.repository -}}
{{- if not $repository -}}
{{- $repository = list $global.registry $global.repositoryPrefix .component | compact | join "/" -}}
{{- end -}}
{{- printf "%s:%s" $repository ($svc.image.tag | default $global.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{/*
The base URL of a component's HTTP port, by its Service name (same namespace).
*/}}
{{- define "vtuber.httpUrl" -}}
{{- printf "http://%s:%v" (include "vtuber.fullname" .) (index .root.Values .component).port -}}
{{- end -}}

{{/*
The base URL of a component's gRPC Service port.
*/}}
{{- define "vtuber.grpcUrl" -}}
{{- printf "http://%s:%v" (include "vtuber.fullname" .) (index .root.Values .component).service.grpcPort -}}
{{- end -}}

{{- define "vtuber.configName" -}}
{{- printf "%s-config" (include "vtuber.prefix" .) -}}
{{- end -}}

{{- define "vtuber.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "vtuber.prefix" .)) -}}
{{- end -}}

{{/*
Whether ltm keeps its memories in PostgreSQL (in-chart or external): "true" or "".
*/}}
{{- define "vtuber.ltmOnPostgres" -}}
{{- if or .Values.postgresql.enabled .Values.postgresql.external.url -}}true{{- end -}}
{{- end -}}

{{/*
A value as an environment variable's text. Helm reads numbers of values files as float64, which would print
16777216 as 1.6777216e+07: whole numbers are printed as integers.
*/}}
{{- define "vtuber.envText" -}}
{{- if and (kindIs "float64" .) (eq (float64 (int64 .)) .) -}}
{{- int64 . -}}
{{- else -}}
{{- toString . -}}
{{- end -}}
{{- end -}}

{{/*
An environment variable read from the Secret; optional, so an existingSecret need not hold every key.
*/}}
{{- define "vtuber.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "vtuber.secretName" .root }}
      key: {{ .name }}
      optional: true
{{- end -}}

{{/*
Refuses values that cannot work, with a sentence that says what to change.
*/}}
{{- define "vtuber.validate" -}}
{{- range $name, $value := .Values.config -}}
{{- if regexMatch "(_API_KEY|_PASSWORD|_TOKEN|_SECRET)$" $name -}}
{{- fail (printf "config.%s looks like a secret: set it under secrets.values (or in secrets.existingSecret), never in the ConfigMap." $name) -}}
{{- end -}}
{{- end -}}
{{- if and .Values.postgresql.enabled .Values.postgresql.external.url -}}
{{- fail "Choose one PostgreSQL for ltm: postgresql.enabled (in the chart) or postgresql.external.url, not both." -}}
{{- end -}}
{{- if and .Values.postgresql.enabled (not .Values.secrets.existingSecret) (not .Values.secrets.values.LTM_POSTGRES_PASSWORD) -}}
{{- fail "The in-chart PostgreSQL needs a password: set secrets.values.LTM_POSTGRES_PASSWORD (or secrets.existingSecret with that key)." -}}
{{- end -}}
{{- if not (include "vtuber.ltmOnPostgres" .) -}}
{{- if or (gt (int .Values.ltm.replicas) 1) .Values.ltm.autoscaling.enabled -}}
{{- fail "ltm keeps its memories in one SQLite file on a ReadWriteOnce volume, so it runs as one replica: set ltm.replicas to 1 and ltm.autoscaling.enabled to false, or give it PostgreSQL (postgresql.enabled or postgresql.external.url)." -}}
{{- end -}}
{{- end -}}
{{- if and (not .Values.redis.enabled) (not .Values.redis.host) -}}
{{- fail "Redis is needed: set redis.host (and redis.port) to your Redis, or redis.enabled=true for one in the chart." -}}
{{- end -}}
{{- if not (has .Values.gateway.service.type (list "ClusterIP" "NodePort" "LoadBalancer")) -}}
{{- fail (printf "gateway.service.type must be ClusterIP, NodePort or LoadBalancer, not %q." (toString .Values.gateway.service.type)) -}}
{{- end -}}
{{- end -}}
